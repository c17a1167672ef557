import * as z from 'zod/mini';
import { $ZodBoolean, $ZodEnum, $ZodLiteral, $ZodNullable, $ZodNumber, $ZodObject, $ZodOptional, $ZodString } from 'zod/v4/core';

/**
 * What the rest of the code asks of a zod schema, in one place. The schemas are built with
 * `zod/mini`, whose functions (unlike classic zod's methods) let the bundler keep only what is
 * used: classic zod attaches every method, JSON Schema export included, to every schema.
 * The checks use zod's core classes, which every flavour of zod schema is an instance of.
 */
export type Schema = z.core.$ZodType;
export type Metadata = Record<string, unknown>;

/**
 * A copy of `schema` carrying `metadata` (descriptions, a definition `id`...), which
 * `z.toJSONSchema` writes into the JSON Schema. The copy remembers `schema` as its parent, so a
 * schema with an `id` is written once and referred to: classic zod's `.meta(metadata)`.
 */
export function withMeta<T extends Schema>(schema: T, metadata: Metadata): T {
  const copy = z.clone(schema);
  z.globalRegistry.add(copy, metadata);
  return copy;
}

/** The metadata of a schema, including what it inherits from the schema it was copied from. */
export function metaOf(schema: Schema): Metadata | undefined {
  return z.globalRegistry.get(schema);
}

/** The schema one `nullable(…)` or `optional(…)` wraps, or undefined when it wraps none. */
export function innerSchema(schema: Schema): Schema | undefined {
  return schema instanceof $ZodNullable || schema instanceof $ZodOptional ? (schema._zod.def.innerType as Schema) : undefined;
}

/** The schema inside any `nullable(…)` and `optional(…)`, or the schema itself. */
export function unwrapped(schema: Schema): Schema {
  let inner = schema;
  for (let next = innerSchema(inner); next; next = innerSchema(inner)) inner = next;
  return inner;
}

/** The fields of an object schema (unwrapped of `nullable`), or undefined for anything else. */
export function objectShape(schema: Schema | undefined): Readonly<Record<string, Schema>> | undefined {
  const inner = schema && unwrapped(schema);
  return inner instanceof $ZodObject ? (inner._zod.def.shape as Record<string, Schema>) : undefined;
}

/** The values an enum or literal schema allows, or undefined for other schemas. */
export function allowedValues(schema: Schema): readonly unknown[] | undefined {
  if (schema instanceof $ZodEnum) return Object.values(schema._zod.def.entries);
  if (schema instanceof $ZodLiteral) return schema._zod.def.values;
  return undefined;
}

export function isLiteral(schema: Schema | undefined): boolean {
  return schema instanceof $ZodLiteral;
}

/** What kind of JSON value a schema (not unwrapped) accepts, for messages and hovers. */
export type SchemaKind = 'nullable' | 'enum' | 'literal' | 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'other';

export function schemaKind(schema: Schema): SchemaKind {
  if (schema instanceof $ZodNullable) return 'nullable';
  if (schema instanceof $ZodEnum) return 'enum';
  if (schema instanceof $ZodLiteral) return 'literal';
  if (schema instanceof $ZodString) return 'string';
  if (schema instanceof $ZodNumber) return isInteger(schema) ? 'integer' : 'number';
  if (schema instanceof $ZodBoolean) return 'boolean';
  if (schema instanceof $ZodObject) return 'object';
  return 'other';
}

/** `z.int()` and its copies: the schema is itself an integer-format check, or carries one. */
function isInteger(schema: $ZodNumber): boolean {
  const def = schema._zod.def as CheckDef & { checks?: { _zod: { def: CheckDef } }[] };
  return [def, ...(def.checks ?? []).map((check) => check._zod.def)].some(
    (check) => check.check === 'number_format' && (check.format ?? '').includes('int'),
  );
}

interface CheckDef {
  check?: string;
  format?: string;
}
