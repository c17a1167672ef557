import { type BodyFacts } from './bodyFacts';
import { type ForwardResult, type ForwardSummary, type ParseResult, type RecordBasics, type SchemaResult } from './record';

/**
 * What the history keeps in memory of one record: everything the tree, its filters and the
 * status show, and nothing that grows with the request (no headers, no bodies, a few schema
 * issues). The whole record is read from the history file when it is opened, replayed or
 * exported (`WebhookStore.read`).
 */
export interface HistoryEntry extends RecordBasics {
  /** Short fields of the body, per kind of request (see `BodyFacts`). */
  readonly facts: BodyFacts;
}

/** Schema issues an entry keeps; the rest are counted in `more`. */
export const ENTRY_ISSUES = 4;
const MAX_MESSAGE_LENGTH = 300;

/** The entry of a record: its basics, small and detached from the record's objects. */
export function entryOf(record: RecordBasics, facts: BodyFacts): HistoryEntry {
  const entry: HistoryEntry = {
    id: record.id,
    receivedAt: record.receivedAt,
    method: record.method,
    path: record.path,
    body: { encoding: record.body.encoding, size: record.body.size, truncated: record.body.truncated },
    parse: shortParse(record.parse),
    kind: record.kind,
    signature: record.signature,
    duplicate: record.duplicate,
    attempt: record.attempt,
    response: { status: record.response.status, delayMs: record.response.delayMs, reason: record.response.reason },
    facts,
  };
  if (record.remoteAddress !== undefined) entry.remoteAddress = record.remoteAddress;
  if (record.event !== undefined) entry.event = record.event;
  if (record.uuid !== undefined) entry.uuid = record.uuid;
  if (record.schema !== undefined) entry.schema = shortSchema(record.schema);
  if (record.inbound !== undefined) entry.inbound = record.inbound;
  if (record.forward !== undefined) entry.forward = forwardSummary(record.forward);
  return entry;
}

/** A forward without the app's headers and body. */
export function forwardSummary(forward: ForwardSummary | ForwardResult): ForwardSummary {
  if (forward.outcome === 'pending') return { outcome: 'pending', url: forward.url, startedAt: forward.startedAt };
  if (forward.outcome === 'failed') return { outcome: 'failed', url: forward.url, startedAt: forward.startedAt, durationMs: forward.durationMs, error: forward.error };
  return { outcome: 'response', url: forward.url, startedAt: forward.startedAt, durationMs: forward.durationMs, status: forward.status, statusText: forward.statusText };
}

function shortSchema(schema: SchemaResult): SchemaResult {
  if (schema.issues.length <= ENTRY_ISSUES) return schema;
  return { valid: schema.valid, issues: schema.issues.slice(0, ENTRY_ISSUES), more: schema.issues.length - ENTRY_ISSUES + (schema.more ?? 0) };
}

function shortParse(parse: ParseResult): ParseResult {
  if (parse.status !== 'invalid-json' || parse.message.length <= MAX_MESSAGE_LENGTH) return parse;
  return { ...parse, message: `${parse.message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` };
}
