import { $ZodArray } from 'zod/v4/core';
import { type JsonPath } from '../jsonValue';
import { expectedText, typeNotation } from '../events/schemaText';
import { metaOf, objectShape, type Schema, unwrapped } from '../events/schemaReflection';
import { type InboundFormat } from './inboundFormat';
import { inboundHashSchema, inboundRawSchema } from './inboundSchemas';

/** The schema of a whole body of `format`. */
export function inboundSchema(format: InboundFormat): Schema {
  return format === 'hash' ? inboundHashSchema() : inboundRawSchema();
}

/** The items of an array schema (inside any `nullable`/`optional`), or undefined. */
export function arrayItems(schema: Schema | undefined): Schema | undefined {
  const inner = schema && unwrapped(schema);
  return inner instanceof $ZodArray ? (inner._zod.def.element as Schema) : undefined;
}

/** The schema of the field at `path` of a `format` body (`['attachments', 0, 'data']`), or undefined. */
export function inboundSchemaAt(format: InboundFormat, path: JsonPath): Schema | undefined {
  let schema: Schema | undefined = inboundSchema(format);
  for (const segment of path) {
    if (typeof segment === 'number') {
      schema = arrayItems(schema);
      continue;
    }
    const shape = objectShape(schema);
    schema = shape !== undefined && Object.hasOwn(shape, segment) ? shape[segment] : undefined;
    if (schema === undefined) return undefined;
  }
  return schema;
}

/** The keys Postal sends in the object at `path` (`[]` the body, `['attachments', 0]` an attachment). */
export function inboundKeysAt(format: InboundFormat, path: JsonPath): readonly string[] | undefined {
  const shape = objectShape(inboundSchemaAt(format, path));
  return shape === undefined ? undefined : Object.keys(shape);
}

/** "a string or null", "an array of strings or null": what a field holds, in words. */
export function inboundExpectedText(schema: Schema): string {
  const items = arrayItems(schema);
  if (items === undefined) return expectedText(schema);
  const list = `an array of ${expectedText(items).replace(/^an? /, '')}s`;
  return unwrapped(schema) === schema ? list : `${list} or null`;
}

/** Documentation of the field at `path`, for hovers: plain text, Markdown and its type. */
export function inboundFieldInfo(format: InboundFormat, path: JsonPath): { description: string; markdownDescription: string; type: string } | undefined {
  const schema = inboundSchemaAt(format, path);
  const meta = schema && metaOf(schema);
  if (schema === undefined || typeof meta?.description !== 'string') return undefined;
  const markdown = typeof meta.markdownDescription === 'string' ? meta.markdownDescription : meta.description;
  const items = arrayItems(schema);
  return { description: meta.description, markdownDescription: markdown, type: items === undefined ? typeNotation(schema) : `${typeNotation(items)}[]` };
}
