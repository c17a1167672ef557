import * as z from 'zod/mini';
import { type SignatureFailure, type SignatureStatus } from '../signature';
import { type ForwardErrorCode, type RecordUpdate, type WebhookRecord } from './record';

/**
 * The history file's lines, checked on every read: the file is only text on disk, which another
 * program, a crash or a person may have changed, so nothing from it is used before it passes
 * these schemas. Bounds are those the code that shows a record relies on (a date that can be
 * formatted, a status Postal's retry table knows, a sane id for URIs).
 */
export const LINE_VERSION = 2;

const MAX_TIME = 8.64e15; // the largest time a Date can hold
const text = (max: number) => z.string().check(z.maxLength(max));
const count = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
const time = z.int().check(z.minimum(0), z.maximum(MAX_TIME));
const status = z.int().check(z.minimum(100), z.maximum(999));

export const recordIdSchema = z.string().check(z.regex(/^[0-9a-z][0-9a-z-]{0,63}$/));

const storedBodySchema = z.object({ encoding: z.enum(['utf8', 'base64']), data: z.string(), size: count(Number.MAX_SAFE_INTEGER), truncated: z.boolean() });

const parseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('json') }),
  z.object({ status: z.literal('form') }),
  z.object({ status: z.literal('empty') }),
  z.object({ status: z.literal('not-read') }),
  z.object({ status: z.literal('invalid-json'), message: text(10_000), position: z.optional(count(Number.MAX_SAFE_INTEGER)), line: z.optional(count(Number.MAX_SAFE_INTEGER)), column: z.optional(count(Number.MAX_SAFE_INTEGER)) }),
]);

const issueSchema = z.object({
  path: z.array(z.union([z.string(), z.int()])).check(z.maxLength(1000)),
  code: z.enum(['not-object', 'missing', 'type', 'enum', 'literal', 'format', 'range', 'unknown-event', 'bare-payload', 'invalid']),
  message: text(10_000),
  expected: z.optional(text(10_000)),
  received: z.optional(text(10_000)),
});

const schemaResultSchema = z.object({ valid: z.boolean(), issues: z.array(issueSchema).check(z.maxLength(10_000)), more: z.optional(count(Number.MAX_SAFE_INTEGER)) });

const signatureSchema = z.object({
  status: z.enum(['valid', 'dev-key', 'invalid', 'missing', 'no-key'] satisfies SignatureStatus[]),
  algorithm: z.optional(z.enum(['sha256', 'sha1'])),
  kid: z.optional(z.object({ header: z.optional(text(1000)), key: z.optional(text(1000)), matches: z.optional(z.boolean()) })),
  failure: z.optional(z.enum(['malformed', 'body-changed', 'other-key'] satisfies SignatureFailure[])),
  reason: z.optional(text(10_000)),
});

const nullableText = z.nullable(text(1000));
const inboundSchema = z.object({
  format: z.enum(['hash', 'raw']),
  encoding: z.enum(['json', 'form']),
  id: z.nullable(z.number()),
  token: nullableText,
  subject: nullableText,
  from: nullableText,
  to: nullableText,
  rcptTo: nullableText,
  mailFrom: nullableText,
  attachments: count(1_000_000),
  attachmentQuantity: z.nullable(count(1_000_000)),
  spamStatus: nullableText,
  bounce: z.nullable(z.boolean()),
  messageId: nullableText,
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
    error: z.object({ code: z.enum(['refused', 'timeout', 'dns', 'reset', 'tls', 'aborted', 'other'] satisfies ForwardErrorCode[]), message: text(10_000) }),
  }),
]);

/** A record as stored: `headers.map` is left out (it is rebuilt from `headers.raw`). */
const storedRecordSchema = z.object({
  id: recordIdSchema,
  receivedAt: time,
  method: text(100),
  path: text(100_000),
  remoteAddress: z.optional(text(100)),
  headers: z.object({ raw: z.array(z.tuple([z.string(), z.string()])).check(z.maxLength(10_000)) }),
  body: storedBodySchema,
  parse: parseSchema,
  kind: z.enum(['postal', 'not-postal', 'invalid-json', 'too-large', 'rejected', 'inbound']),
  event: z.optional(text(1000)),
  uuid: z.optional(text(1000)),
  schema: z.optional(schemaResultSchema),
  inbound: z.optional(inboundSchema),
  signature: signatureSchema,
  duplicate: z.boolean(),
  attempt: z.int().check(z.minimum(1), z.maximum(1_000_000)),
  response: responseSchema,
  forward: z.optional(forwardSchema),
});
export type StoredRecord = Omit<WebhookRecord, 'headers'> & { headers: { raw: [string, string][] } };

// A line without `v` was written before lines carried a version; its record has the same shape.
// Format 1 had no development-key status, no signature failure and no signature in updates:
// a subset of format 2, read the same way.
const version = z.optional(z.union([z.literal(1), z.literal(LINE_VERSION)]));

const lineSchema = z.discriminatedUnion('type', [
  z.object({ v: version, type: z.literal('record'), record: storedRecordSchema }),
  z.object({ v: version, type: z.literal('update'), id: recordIdSchema, forward: z.optional(forwardSchema), signature: z.optional(signatureSchema) }),
  z.object({ v: version, type: z.literal('delete'), ids: z.array(recordIdSchema).check(z.maxLength(100_000)) }),
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
  if (line.type === 'update') return { ok: true, line: { type: 'update', id: line.id, update: updateOf(line) } };
  return { ok: true, line: { type: 'delete', ids: line.ids } };
}

function updateOf(line: { forward?: RecordUpdate['forward']; signature?: RecordUpdate['signature'] }): RecordUpdate {
  const update: RecordUpdate = {};
  if (line.forward !== undefined) update.forward = line.forward;
  if (line.signature !== undefined) update.signature = line.signature;
  return update;
}

function describeProblem(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length === 0 ? 'the line' : issue.path.join('.');
  return `not a history line (${where}: ${issue.message})`;
}
