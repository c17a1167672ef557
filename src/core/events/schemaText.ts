import { $ZodOptional } from 'zod/v4/core';
import { allowedValues, innerSchema, type Schema, schemaKind } from './schemaReflection';

/**
 * Describes a field schema in words, for messages ("must be a string or null") and in type
 * notation, for hovers (`string | null`). Only the building blocks the Postal schemas use are
 * handled; anything else reads as "a valid value".
 */
export function expectedText(schema: Schema): string {
  return alternatives(expectedChoices(withoutOptional(schema)));
}

function expectedChoices(schema: Schema): string[] {
  const kind = schemaKind(schema);
  switch (kind) {
    case 'nullable': return [...expectedChoices(innerSchema(schema) as Schema), 'null'];
    case 'enum':
    case 'literal': return quotedValues(schema);
    case 'string': return ['a string'];
    case 'integer': return ['an integer'];
    case 'number': return ['a number'];
    case 'boolean': return ['true', 'false'];
    case 'object': return ['an object'];
    default: return ['a valid value'];
  }
}

/** The same in a TypeScript-like notation, e.g. `"outgoing" | "incoming"` or `number | null`. */
export function typeNotation(schema: Schema): string {
  if (schema instanceof $ZodOptional) return typeNotation(withoutOptional(schema));
  const kind = schemaKind(schema);
  switch (kind) {
    case 'nullable': return `${typeNotation(innerSchema(schema) as Schema)} | null`;
    case 'enum':
    case 'literal': return quotedValues(schema).join(' | ');
    case 'other': return 'unknown';
    default: return kind;
  }
}

/** A field that may be left out is described by what it holds when present. */
function withoutOptional(schema: Schema): Schema {
  return schema instanceof $ZodOptional ? (schema._zod.def.innerType as Schema) : schema;
}

function quotedValues(schema: Schema): string[] {
  return (allowedValues(schema) ?? []).map((value) => JSON.stringify(value));
}

/** Joins choices the way people write them: `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function alternatives(choices: readonly string[]): string {
  if (choices.length <= 1) return choices[0] ?? '';
  return `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}

/** How a received value reads in a message: strings quoted (and shortened), objects named. */
export function renderValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
