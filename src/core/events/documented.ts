import { type z } from 'zod';
import { type FieldDoc, plainText } from './fieldDocs';
import { typeNotation } from './schemaText';

/**
 * Attaches a field's documentation to its schema as metadata that `z.toJSONSchema` copies into
 * the JSON Schema: `description` and `markdownDescription` (with the type, which VS Code's hover
 * does not show otherwise), plus `enumDescriptions` for enums. Returns a documented copy.
 */
export function documented<T extends z.ZodType>(schema: T, field: FieldDoc): T {
  const markdown = `${field.doc}\n\n*Type:* \`${typeNotation(schema)}\``;
  const meta: Record<string, unknown> = { description: plainText(field.doc), markdownDescription: markdown };
  const values = enumValues(schema);
  if (field.values && values) {
    const docs = field.values as Record<string, string>;
    meta.enumDescriptions = values.map((value) => plainText(docs[value] ?? ''));
    meta.markdownEnumDescriptions = values.map((value) => docs[value] ?? '');
  }
  const result = schema.meta(meta);
  DOCS.set(result, field);
  return result;
}

const DOCS = new WeakMap<z.ZodType, FieldDoc>();

/** The documentation `documented()` attached to a field schema. */
export function fieldDocOf(schema: z.ZodType | undefined): FieldDoc | undefined {
  return schema && DOCS.get(schema);
}

function enumValues(schema: z.ZodType): readonly string[] | undefined {
  const options = (schema as { options?: unknown }).options;
  return Array.isArray(options) ? options.map(String) : undefined;
}
