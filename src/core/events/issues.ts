import { type z } from 'zod/mini';
import { isPlainObject, type JsonPath, valueAt } from '../jsonValue';
import { DELIVERY_EVENT_BY_STATUS, isDeliveryStatus } from './deliveryEvents';
import { fieldDocOf } from './documented';
import { type EventName } from './eventNames';
import { schemaAt } from './fields';
import { isLiteral, type Schema } from './schemaReflection';
import { expectedText, renderValue } from './schemaText';

export type IssueCode =
  | 'not-object'
  | 'missing'
  | 'type'
  | 'enum'
  | 'literal'
  | 'format'
  | 'range'
  | 'unknown-event'
  | 'bare-payload'
  | 'invalid';

/** One problem with a webhook body or payload, worded for the person who wrote or received it. */
export interface EnvelopeIssue {
  /** Where the problem is, from the root of the value that was validated. */
  readonly path: (string | number)[];
  readonly code: IssueCode;
  readonly message: string;
  /** What Postal sends there, e.g. `a string or null` or `"outgoing" or "incoming"`. */
  readonly expected?: string;
  /** What was there instead, rendered short (`"outbound"`, `42`, `an object`). */
  readonly received?: string;
}

/** Where the validated value sits in an envelope: `[]` for an envelope, `['payload']` for a bare payload. */
interface IssueContext {
  readonly event: EventName;
  /** How the validated value itself is named in messages. */
  readonly rootLabel: string;
  readonly root: unknown;
  readonly base: JsonPath;
}

/** Turns one zod issue into an EnvelopeIssue with a precise path and a message in plain words. */
export function toEnvelopeIssue(issue: z.core.$ZodIssue, context: IssueContext): EnvelopeIssue {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const schema = schemaAt(context.event, [...context.base, ...path]);
  const expected = schema ? expectedText(schema) : undefined;
  const where = pathText(path, context.rootLabel);
  if (isMissing(context.root, path)) return missingIssue(path, where, expected, fieldDocOf(schema)?.nullWhen);
  const value = valueAt(context.root, path);
  const received = renderValue(value);
  const base = { path, received, ...(expected ? { expected } : {}) };
  switch (issue.code) {
    case 'invalid_type':
      return { ...base, code: 'type', message: `${where} must be ${expected ?? issue.expected}, got ${typedValue(value)}` };
    case 'invalid_value':
      return valueIssue(schema, base, where, value, context.event);
    case 'invalid_format':
      // The only format checks are the token and UUID patterns, whose error text says what is expected.
      return { ...base, code: 'format', expected: issue.message, message: `${where} must be ${issue.message}, got ${received}` };
    case 'too_small':
      return { ...base, code: 'range', message: `${where} must be ${issue.minimum} or more, got ${received}` };
    case 'too_big':
      return { ...base, code: 'range', message: `${where} must be ${issue.maximum} or less, got ${received}` };
    default:
      return { ...base, code: 'invalid', message: `${where} is not valid: ${issue.message}` };
  }
}

function missingIssue(path: (string | number)[], where: string, expected: string | undefined, nullWhen: string | undefined): EnvelopeIssue {
  const note = nullWhen ? `Postal always sends it; it is null ${nullWhen}` : 'Postal always sends it';
  return { path, code: 'missing', message: `${where} is missing (${note})`, ...(expected ? { expected } : {}) };
}

function valueIssue(
  schema: Schema | undefined,
  base: Omit<EnvelopeIssue, 'code' | 'message'>,
  where: string,
  value: unknown,
  event: EventName,
): EnvelopeIssue {
  const literal = isLiteral(schema);
  let message = `${where} must be ${base.expected}, got ${base.received}`;
  if (literal) message = `${where} must be ${base.expected} in a ${event} event, got ${base.received}`;
  if (literal && isDeliveryStatus(value)) message += ` (Postal sends ${value} deliveries as ${DELIVERY_EVENT_BY_STATUS[value]})`;
  // Postal's enums and literals are all strings, so a non-string is a type error.
  const code = typeof value !== 'string' ? 'type' : literal ? 'literal' : 'enum';
  return { ...base, code, message };
}

/** `payload.message.direction`; the root reads as `rootLabel`. */
export function pathText(path: readonly (string | number)[], rootLabel = 'the value'): string {
  if (path.length === 0) return rootLabel;
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** A received value with its JSON type when the type is what is wrong: `"42" (a string)`. */
export function typedValue(value: unknown): string {
  const rendered = renderValue(value);
  if (typeof value === 'string') return `${rendered} (a string)`;
  if (typeof value === 'number' && !Number.isInteger(value)) return `${rendered} (not a whole number)`;
  return rendered;
}

/** True when the object holding the last key of `path` exists but has no such key. */
export function isMissing(root: unknown, path: JsonPath): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  return isPlainObject(parent) && !Object.hasOwn(parent, key);
}
