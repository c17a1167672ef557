import { isUtf8 } from 'node:buffer';
import { validateEnvelope } from '../events';
import { readFormBody } from '../inbound/formBody';
import { encodingOfContentType, type InboundEncoding, type InboundFormat, recogniseInbound } from '../inbound/inboundFormat';
import { type BodyFacts, bodyFacts, type ParseResult, type RecordKind, type SchemaResult, type StoredBody } from '../store';
import { locateJsonError } from './jsonErrorLocation';

/** Checks a parsed body against the event model. */
export type EnvelopeValidator = (value: unknown) => SchemaResult;

/** Issues a record keeps: a crafted body can have thousands, which would only bloat the history. */
export const MAX_RECORD_ISSUES = 100;

/** The default check: the event model's `validateEnvelope`, as a record's `schema`. */
export const validateWithEventModel: EnvelopeValidator = (value) => {
  const result = validateEnvelope(value);
  return result.ok ? { valid: true, issues: [] } : { valid: false, issues: result.issues };
};

function capIssues(schema: SchemaResult): SchemaResult {
  if (schema.issues.length <= MAX_RECORD_ISSUES) return schema;
  return { valid: schema.valid, issues: schema.issues.slice(0, MAX_RECORD_ISSUES), more: schema.issues.length - MAX_RECORD_ISSUES + (schema.more ?? 0) };
}

export interface BodyInspection {
  stored: StoredBody;
  parse: ParseResult;
  kind: Extract<RecordKind, 'postal' | 'not-postal' | 'invalid-json' | 'inbound'>;
  /** For `inbound`: the body's endpoint format and encoding, and the body as parsed, for `inspectInbound`. */
  inbound?: { format: InboundFormat; encoding: InboundEncoding; value: Record<string, unknown> };
  event?: string;
  uuid?: string;
  schema?: SchemaResult;
  /** What the history keeps in memory of this body (see `BodyFacts`). */
  facts?: BodyFacts;
}

/**
 * Stores, parses and classifies a raw body. A JSON object with a string `event` and a `payload`
 * or `uuid` is Postal's envelope (valid or not: that is `schema`'s job); a JSON or urlencoded
 * body shaped like an HTTP endpoint's payload is `inbound` (checked by `inspectInbound`); other
 * JSON is `not-postal`, and still validated so the issues say why (e.g. only the inner payload
 * was sent). `contentType` is the request's: only a form body is read as one.
 */
export function inspectBody(body: Buffer, validate: EnvelopeValidator = validateWithEventModel, contentType?: string): BodyInspection {
  if (!isUtf8(body)) {
    return {
      stored: { encoding: 'base64', data: body.toString('base64'), size: body.length, truncated: false },
      parse: { status: 'invalid-json', message: 'The body is not UTF-8 text (binary data?), so it cannot be JSON.' },
      kind: 'invalid-json',
    };
  }
  const text = body.toString('utf8');
  const stored: StoredBody = { encoding: 'utf8', data: text, size: body.length, truncated: false };
  if (text.trim() === '') return { stored, parse: { status: 'empty' }, kind: 'not-postal' };
  if (encodingOfContentType(contentType) === 'form') {
    const form = readFormBody(text);
    if (form.format !== undefined) return { stored, parse: { status: 'form' }, kind: 'inbound', inbound: { format: form.format, encoding: 'form', value: form.value } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { stored, parse: jsonError(text, error as Error), kind: 'invalid-json' };
  }
  const format = recogniseInbound(value);
  if (format !== undefined) return { stored, parse: { status: 'json' }, kind: 'inbound', inbound: { format, encoding: 'json', value: value as Record<string, unknown> } };
  const inspection: BodyInspection = { stored, parse: { status: 'json' }, kind: 'not-postal' };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const envelope = value as Record<string, unknown>;
    if (typeof envelope.event === 'string') inspection.event = envelope.event;
    if (typeof envelope.uuid === 'string') inspection.uuid = envelope.uuid;
    if (inspection.event !== undefined && (envelope.payload !== undefined || inspection.uuid !== undefined)) inspection.kind = 'postal';
  }
  inspection.facts = bodyFacts(inspection.kind, value);
  inspection.schema = capIssues(validate(value));
  return inspection;
}

/** JSON.parse's message, with where it went wrong (V8 does not always say). Only on the error path. */
function jsonError(text: string, error: Error): Extract<ParseResult, { status: 'invalid-json' }> {
  const result: Extract<ParseResult, { status: 'invalid-json' }> = { status: 'invalid-json', message: error.message };
  const reported = /at position (\d+)/.exec(error.message);
  const located = reported === null ? locateJsonError(text) : undefined;
  const position = reported !== null ? Number(reported[1]) : located?.offset;
  if (position === undefined) return result;
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  result.position = position;
  result.line = countLines(before);
  result.column = position - lineStart + 1;
  if (located !== undefined) result.message = `${error.message} (${located.reason})`;
  return result;
}

function countLines(text: string): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1;
  return lines;
}
