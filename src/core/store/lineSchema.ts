import * as z from 'zod';
import { type RecordUpdate, type WebhookRecord } from './record';

/**
 * The history file's lines, checked on every read: the file is only text on disk, which another
 * program, a crash or a person may have changed, so nothing from it is used before it passes
 * these schemas. Bounds are those the code that shows a record relies on (a date that can be
 * formatted, a status Postal's retry table knows, a sane id for URIs).
 */
export const LINE_VERSION = 1;

const MAX_TIME = 8.64e15; // the largest time a Date can hold
const text = (max: number) => z.string().max(max);
const count = (max: number) => z.int().min(0).max(max);
const time = z.int().min(0).max(MAX_TIME);
const status = z.int().min(100).max(999);

export const recordIdSchema = z.string().regex(/^[0-9a-z][0-9a-z-]{0,63}$/);

const storedBodySchema = z.object({ encoding: z.enum(['utf8', 'base64']), data: z.string(), size: count(Number.MAX_SAFE_INTEGER), truncated: z.boolean() });

const parseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('json') }),
  z.object({ status: z.literal('empty') }),
  z.object({ status: z.literal('not-read') }),
  z.object({ status: z.literal('invalid-json'), message: text(10_000), position: count(Number.MAX_SAFE_INTEGER).optional(), line: count(Number.MAX_SAFE_INTEGER).optional(), column: count(Number.MAX_SAFE_INTEGER).optional() }),
]);

const issueSchema = z.object({
  path: z.array(z.union([z.string(), z.int()])).max(1000),
  code: z.enum(['not-object', 'missing', 'type', 'enum', 'literal', 'format', 'range', 'unknown-event', 'bare-payload', 'invalid']),
  message: text(10_000),
  expected: text(10_000).optional(),
  received: text(10_000).optional(),
});

const schemaResultSchema = z.object({ valid: z.boolean(), issues: z.array(issueSchema).max(10_000), more: count(Number.MAX_SAFE_INTEGER).optional() });

const signatureSchema = z.object({
  status: z.enum(['valid', 'invalid', 'missing', 'no-key']),
  algorithm: z.enum(['sha256', 'sha1']).optional(),
  kid: z.object({ header: text(1000).optional(), key: text(1000).optional(), matches: z.boolean().optional() }).optional(),
  reason: text(10_000).optional(),
});

const responseSchema = z.object({
  status,
  delayMs: count(10_000_000),
  body: z.string(),
  reason: z.enum(['fixed', 'mirror', 'method', 'path', 'signature', 'too-large', 'not-stored']),
});

const forwardSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('pending'), url: text(10_000), startedAt: time }),
  z.object({
    outcome: z.literal('response'),
    url: text(10_000),
    startedAt: time,
    durationMs: count(Number.MAX_SAFE_INTEGER),
    status,
    statusText: text(10_000),
    headers: z.record(z.string(), z.string()),
    body: storedBodySchema,
  }),
  z.object({
    outcome: z.literal('failed'),
    url: text(10_000),
    startedAt: time,
    durationMs: count(Number.MAX_SAFE_INTEGER),
    error: z.object({ code: z.enum(['refused', 'timeout', 'dns', 'reset', 'aborted', 'other']), message: text(10_000) }),
  }),
]);

/** A record as stored: `headers.map` is left out (it is rebuilt from `headers.raw`). */
const storedRecordSchema = z.object({
  id: recordIdSchema,
  receivedAt: time,
  method: text(100),
  path: text(100_000),
  remoteAddress: text(100).optional(),
  headers: z.object({ raw: z.array(z.tuple([z.string(), z.string()])).max(10_000) }),
  body: storedBodySchema,
  parse: parseSchema,
  kind: z.enum(['postal', 'not-postal', 'invalid-json', 'too-large', 'rejected']),
  event: text(1000).optional(),
  uuid: text(1000).optional(),
  schema: schemaResultSchema.optional(),
  signature: signatureSchema,
  duplicate: z.boolean(),
  attempt: z.int().min(1).max(1_000_000),
  response: responseSchema,
  forward: forwardSchema.optional(),
});
export type StoredRecord = Omit<WebhookRecord, 'headers'> & { headers: { raw: [string, string][] } };

// A line without `v` was written before lines carried a version; its record has the same shape.
const version = z.literal(LINE_VERSION).optional();

const lineSchema = z.discriminatedUnion('type', [
  z.object({ v: version, type: z.literal('record'), record: storedRecordSchema }),
  z.object({ v: version, type: z.literal('update'), id: recordIdSchema, forward: forwardSchema.optional() }),
  z.object({ v: version, type: z.literal('delete'), ids: z.array(recordIdSchema).max(100_000) }),
]);

/** One line of the history file, as read. */
export type HistoryLine = { type: 'record'; record: StoredRecord } | { type: 'update'; id: string; update: RecordUpdate } | { type: 'delete'; ids: string[] };

export type LineParse = { ok: true; line: HistoryLine } | { ok: false; reason: string };

/** Checks one line of text; never throws. */
export function parseHistoryLine(textLine: string): LineParse {
  let value: unknown;
  try {
    value = JSON.parse(textLine);
  } catch (error) {
    return { ok: false, reason: `not JSON (${(error as Error).message})` };
  }
  const version = typeof value === 'object' && value !== null ? (value as { v?: unknown }).v : undefined;
  if (typeof version === 'number' && version > LINE_VERSION) return { ok: false, reason: `written by a newer version (format ${version})` };
  const result = lineSchema.safeParse(value);
  if (!result.success) return { ok: false, reason: describeProblem(result.error) };
  const line = result.data;
  if (line.type === 'record') return { ok: true, line: { type: 'record', record: line.record as StoredRecord } };
  if (line.type === 'update') return { ok: true, line: { type: 'update', id: line.id, update: line.forward === undefined ? {} : { forward: line.forward } } };
  return { ok: true, line: { type: 'delete', ids: line.ids } };
}

function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length === 0 ? 'the line' : issue.path.join('.');
  return `not a history line (${where}: ${issue.message})`;
}
