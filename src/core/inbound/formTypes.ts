import { $ZodLiteral } from 'zod/v4/core';
import { objectShape, type Schema, schemaKind, unwrapped } from '../events/schemaReflection';
import { isPlainObject } from '../jsonValue';
import { arrayItems, inboundSchema } from './inboundFields';
import { type InboundFormat } from './inboundFormat';

/**
 * A form's fields as the JSON body would hold them, so one schema checks both encodings: text
 * that reads as the field's type becomes that type (`"4711"` → 4711, `"true"` → true), a single
 * `reply_to` becomes a one-element array. Text that does not read as the type stays text, for
 * the schema to report. `null` (a bare key) stays `null`.
 */
export function typedFormValue(object: Record<string, unknown>, format: InboundFormat): Record<string, unknown> {
  return typedObject(object, inboundSchema(format));
}

function typedObject(object: Record<string, unknown>, schema: Schema): Record<string, unknown> {
  const shape = objectShape(schema) ?? {};
  const typed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    Object.defineProperty(typed, key, { value: field === undefined ? value : typedField(value, field), enumerable: true, writable: true, configurable: true });
  }
  return typed;
}

function typedField(value: unknown, schema: Schema): unknown {
  const items = arrayItems(schema);
  if (items !== undefined) {
    if (value === null) return null;
    const list = Array.isArray(value) ? value : [value];
    return list.map((item) => (isPlainObject(item) && objectShape(items) !== undefined ? typedObject(item, items) : typedField(item, items)));
  }
  if (typeof value !== 'string') return value;
  const inner = unwrapped(schema);
  if (inner instanceof $ZodLiteral || schemaKind(inner) === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  const kind = schemaKind(inner);
  if (kind === 'integer') return /^-?\d{1,15}$/.test(value) ? Number(value) : value;
  if (kind === 'number') return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  return value;
}
