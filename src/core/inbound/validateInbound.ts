import * as z from 'zod/mini';
import { fieldDocOf } from '../events/documented';
import { type EnvelopeIssue, isMissing, pathText, typedValue } from '../events/issues';
import { renderValue } from '../events/schemaText';
import { valueAt } from '../jsonValue';
import { inboundExpectedText, inboundSchema, inboundSchemaAt } from './inboundFields';
import { type InboundEncoding, type InboundFormat } from './inboundFormat';
import { INBOUND_SUBJECT_LIMIT } from './inboundSchemas';

export type InboundValidation = { ok: true; issues: [] } | { ok: false; issues: EnvelopeIssue[] };

/**
 * Checks a body against its format's schema. `value` is the body as JSON would give it: for a
 * form, pass `typedFormValue(…)` first. Messages name the field and, for Postal's quirks, say
 * what Postal really sends (a string `size`, never `false` for `received_with_ssl`, …).
 */
export function validateInbound(value: unknown, format: InboundFormat, encoding: InboundEncoding = 'json'): InboundValidation {
  const result = z.safeParse(inboundSchema(format), value);
  if (result.success) return { ok: true, issues: [] };
  return { ok: false, issues: result.error.issues.map((issue) => toInboundIssue(issue, value, format, encoding)) };
}

/** Where Postal's own behaviour explains a wrong value, the words that say so. */
const QUIRKS: Readonly<Record<InboundFormat, Readonly<Record<string, string>>>> = {
  hash: {
    size: 'in the Hash format Postal sends size as a string, e.g. "1282": it stores it as text',
    received_with_ssl: 'Postal sends true for mail that came over TLS and null otherwise, never false',
    reply_to: 'Postal sends every Reply-To header, as an array',
    message_id: 'Postal strips the angle brackets of the Message-ID (but not those of In-Reply-To)',
    in_reply_to: 'Postal keeps the angle brackets of the In-Reply-To header',
    data: "Postal writes base64 with Ruby's Base64.encode64: a newline after every 60 characters and at the end",
  },
  raw: {
    size: 'in the RawMessage format Postal sends size as an integer; only the Hash format sends a string',
    base64: 'Postal always sends true',
    message: "Postal writes base64 with Ruby's Base64.encode64: a newline after every 60 characters and at the end",
  },
};

function toInboundIssue(issue: z.core.$ZodIssue, root: unknown, format: InboundFormat, encoding: InboundEncoding): EnvelopeIssue {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const schema = inboundSchemaAt(format, path);
  const expected = schema === undefined ? undefined : inboundExpectedText(schema);
  const where = pathText(path, 'the body');
  const field = String(path.findLast((segment) => typeof segment === 'string') ?? '');
  const quirk = Object.hasOwn(QUIRKS[format], field) ? ` (${QUIRKS[format][field]})` : '';
  if (isMissing(root, path)) {
    const nullWhen = fieldDocOf(schema)?.nullWhen;
    const note = nullWhen === undefined ? 'Postal always sends it' : `Postal always sends it; it is null ${nullWhen}`;
    return { path, code: 'missing', message: `${where} is missing (${note})`, ...(expected === undefined ? {} : { expected }) };
  }
  const value = valueAt(root, path);
  const received = renderValue(value);
  const base = { path, received, ...(expected === undefined ? {} : { expected }) };
  const got = encoding === 'form' ? received : typedValue(value);
  switch (issue.code) {
    case 'invalid_type':
      return { ...base, code: 'type', message: `${where} must be ${expected ?? issue.expected}, got ${got}${quirk}` };
    case 'invalid_value':
      return { ...base, code: typeof value === 'string' ? 'literal' : 'type', message: `${where} must be ${expected ?? 'another value'}, got ${received}${quirk}` };
    case 'invalid_format':
    case 'custom':
      return { ...base, code: 'format', expected: issue.message, message: `${where} must be ${issue.message}, got ${received}${quirk}` };
    case 'too_big':
      if (typeof value === 'string') return { ...base, code: 'range', message: `${where} has ${value.length} characters: Postal keeps the first ${INBOUND_SUBJECT_LIMIT}` };
      return { ...base, code: 'range', message: `${where} must be ${String(issue.maximum)} or less, got ${received}` };
    case 'too_small':
      return { ...base, code: 'range', message: `${where} must be ${String(issue.minimum)} or more, got ${received}` };
    default:
      return { ...base, code: 'invalid', message: `${where} is not valid: ${issue.message}` };
  }
}
