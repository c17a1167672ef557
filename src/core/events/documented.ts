import { type FieldDoc, plainText } from './fieldDocs';
import { allowedValues, type Schema, withMeta } from './schemaReflection';
import { typeNotation } from './schemaText';

/**
 * Attaches a field's documentation to its schema as metadata that `z.toJSONSchema` copies into
 * the JSON Schema: `description` and `markdownDescription` (with the type, which VS Code's hover
 * does not show otherwise), plus `enumDescriptions` for enums. Returns a documented copy.
 */
export function documented<T extends Schema>(schema: T, field: FieldDoc): T {
  const markdown = `${field.doc}\n\n*Type:* \`${typeNotation(schema)}\``;
  const meta: Record<string, unknown> = { description: plainText(field.doc), markdownDescription: markdown };
  const values = allowedValues(schema)?.map(String);
  if (field.values && values) {
    const docs = field.values as Record<string, string>;
    meta.enumDescriptions = values.map((value) => plainText(docs[value] ?? ''));
    meta.markdownEnumDescriptions = values.map((value) => docs[value] ?? '');
  }
  const result = withMeta(schema, meta);
  DOCS.set(result, field);
  return result;
}

const DOCS = new WeakMap<Schema, FieldDoc>();

/** The documentation `documented()` attached to a field schema. */
export function fieldDocOf(schema: Schema | undefined): FieldDoc | undefined {
  return schema && DOCS.get(schema);
}
