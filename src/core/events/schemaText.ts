import * as z from 'zod';

/**
 * Describes a field schema in words, for messages ("must be a string or null") and in type
 * notation, for hovers (`string | null`). Only the building blocks the Postal schemas use are
 * handled; anything else reads as "a valid value".
 */
export function expectedText(schema: z.ZodType): string {
  return alternatives(expectedChoices(schema));
}

function expectedChoices(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodNullable) return [...expectedChoices(schema.unwrap() as z.ZodType), 'null'];
  if (schema instanceof z.ZodEnum) return schema.options.map((value) => JSON.stringify(value));
  if (schema instanceof z.ZodLiteral) return [...schema.values].map((value) => JSON.stringify(value));
  if (schema instanceof z.ZodString) return ['a string'];
  if (schema instanceof z.ZodNumber) return [schema.isInt ? 'an integer' : 'a number'];
  if (schema instanceof z.ZodBoolean) return ['true', 'false'];
  if (schema instanceof z.ZodObject) return ['an object'];
  return ['a valid value'];
}

/** The same in a TypeScript-like notation, e.g. `"outgoing" | "incoming"` or `number | null`. */
export function typeNotation(schema: z.ZodType): string {
  if (schema instanceof z.ZodNullable) return `${typeNotation(schema.unwrap() as z.ZodType)} | null`;
  if (schema instanceof z.ZodEnum) return schema.options.map((value) => JSON.stringify(value)).join(' | ');
  if (schema instanceof z.ZodLiteral) return [...schema.values].map((value) => JSON.stringify(value)).join(' | ');
  if (schema instanceof z.ZodString) return 'string';
  if (schema instanceof z.ZodNumber) return schema.isInt ? 'integer' : 'number';
  if (schema instanceof z.ZodBoolean) return 'boolean';
  if (schema instanceof z.ZodObject) return 'object';
  return 'unknown';
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
