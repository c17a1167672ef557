import { type EnvelopeIssue } from '../events';
import { type HttpExchange, type StoredBody } from '../http';
import { type SignatureResult } from '../signature';

/** One problem the event model found in a body (`path` into the JSON, a stable `code`, a readable `message`). */
export type SchemaIssue = EnvelopeIssue;

/** The event model's verdict on a parsed JSON body. */
export interface SchemaResult {
  valid: boolean;
  /** The first issues (a crafted body can have thousands; see `more`). */
  issues: SchemaIssue[];
  /** How many more issues there were than `issues` lists. */
  more?: number;
}

/** How many issues a schema result stands for, listed or not. */
export function issueCount(schema: SchemaResult): number {
  return schema.issues.length + (schema.more ?? 0);
}

/**
 * What a request was, for the tree's icon and filters:
 * - `postal`: a JSON object shaped like Postal's envelope (`event` string plus `payload` or `uuid`),
 *   valid or not (see `schema`);
 * - `not-postal`: JSON (or an empty body) that is not an envelope;
 * - `invalid-json`: the body does not parse (see `parse`);
 * - `too-large`: the body exceeded the size cap and was not kept (answered 413);
 * - `rejected`: refused before handling: wrong method (405), wrong path (404), or unsigned /
 *   badly signed while `rejectUnsigned` is on (401). `response.reason` says which;
 * - `inbound`: an e-mail Postal delivered to an HTTP endpoint (Hash or RawMessage, JSON or form),
 *   valid or not (see `schema`), described by `inbound`.
 */
export type RecordKind = 'postal' | 'not-postal' | 'invalid-json' | 'too-large' | 'rejected' | 'inbound';

/**
 * What an inbound e-mail request was about, read from its body when it arrived (for a
 * RawMessage, from the MIME message inside): enough to list, group and search it without
 * reading the body again. Texts are cut at 500 characters; absent values are null.
 */
export interface InboundSummary {
  format: 'hash' | 'raw';
  encoding: 'json' | 'form';
  /** The message's id and token in Postal (a Raw body has no token): the same on every retry. */
  id: number | null;
  token: string | null;
  subject: string | null;
  /** The From and To headers. */
  from: string | null;
  to: string | null;
  /** The envelope (`RCPT TO`, `MAIL FROM`). */
  rcptTo: string | null;
  mailFrom: string | null;
  /** Attachments in the body (decoded from the MIME message for a Raw body). */
  attachments: number;
  /** Attachments Postal counted (Hash only); more than `attachments` when some were not sent. */
  attachmentQuantity: number | null;
  spamStatus: string | null;
  /** Postal's `bounce` flag: the mail came back to the return path. */
  bounce: boolean | null;
  messageId: string | null;
}

/** What is known of a body without its bytes. */
export type BodyInfo = Omit<StoredBody, 'data'>;

/** How the body parsed. `position` is a 0-based character offset; `line`/`column` are 1-based. */
export type ParseResult =
  | { status: 'json' }
  /** An `application/x-www-form-urlencoded` body (an inbound e-mail in Postal's FormData encoding). */
  | { status: 'form' }
  | { status: 'empty' }
  | { status: 'invalid-json'; message: string; position?: number; line?: number; column?: number }
  /** Not read at all: too large, or rejected before the body was looked at. */
  | { status: 'not-read' };

export interface RecordHeaders {
  /** Exactly as received, in order, names in their original case: `[name, value]` pairs. */
  raw: [string, string][];
  /** Lower-cased names; repeated headers joined with ", " (as Node does). */
  map: Record<string, string>;
}

/** What we answered, without its body. */
export interface ResponseSummary {
  status: number;
  /** Extra wait before answering, from a "status + delay" response mode (0 otherwise). */
  delayMs: number;
  /**
   * Why this status: `fixed`, `mirror`, a refusal (`method`, `path`, `signature`, `too-large`),
   * or `not-stored`: the history could not be written, so the request was answered 503 for
   * Postal to retry it (such a request is announced, never stored).
   */
  reason: 'fixed' | 'mirror' | 'method' | 'path' | 'signature' | 'too-large' | 'not-stored';
}

/** What we answered. */
export interface RecordResponse extends ResponseSummary {
  /** The body we sent (small; for mirror mode the app's body, as forwarded). */
  body: string;
}

/** The body and error types are those of `core/http`, which sends the forwards. */
export type { ForwardErrorCode, StoredBody } from '../http';

/**
 * Passing the request on to the user's app.
 * - `pending`: started, no result yet (after a reload it means the listener stopped first);
 * - `response`: the app answered (any status, 500 included);
 * - `failed`: no answer: refused, timed out, unknown host… `error.message` says what to do.
 */
export type ForwardResult = { outcome: 'pending'; url: string; startedAt: number } | HttpExchange;

/** A forward without the app's headers and body: what the history keeps in memory. */
export type ForwardSummary =
  | Exclude<ForwardResult, { outcome: 'response' }>
  | Omit<Extract<ForwardResult, { outcome: 'response' }>, 'headers' | 'body'>;

/**
 * What every view of a request has: the request line, the checks, the answer and the forward's
 * outcome, but no headers and no body bytes. A full {@link WebhookRecord} is one, and so is the
 * history's in-memory `HistoryEntry`; code that only shows a request takes this type.
 */
export interface RecordBasics {
  /** Unique and sortable: string order is arrival order, also across restarts. */
  id: string;
  /** When the request line arrived, ms since the epoch. */
  receivedAt: number;
  method: string;
  /** Path with the query string, as requested (e.g. `/hooks/postal?env=dev`). */
  path: string;
  /** The peer's address (a tunnel's, when one is in front). */
  remoteAddress?: string;
  body: BodyInfo;
  parse: ParseResult;
  kind: RecordKind;
  /** The envelope's `event`, when the body has a string `event`. */
  event?: string;
  /** The envelope's `uuid`: the same on every retry of one delivery. */
  uuid?: string;
  /** The event model's result, for every body that parsed as JSON (the inbound schemas' for inbound e-mail). */
  schema?: SchemaResult;
  /** Set for `inbound` records. */
  inbound?: InboundSummary;
  signature: SignatureResult;
  /** True when an earlier request in the history had the same envelope `uuid`: a Postal retry. */
  duplicate: boolean;
  /** 1 + how many earlier requests in the history had this `uuid` (Postal's attempt number, if none was missed). */
  attempt: number;
  response: ResponseSummary;
  /** Absent when no forward target is set. */
  forward?: ForwardSummary;
}

/** One received request, whatever it was. Everything needed to show, export or replay it. */
export interface WebhookRecord extends RecordBasics {
  headers: RecordHeaders;
  /** The raw body bytes, as signed; empty for `too-large`. */
  body: StoredBody;
  response: RecordResponse;
  forward?: ForwardResult;
}

/**
 * The fields that can change after a record was stored: a forward result arriving later, the
 * signature checked again with another key.
 */
export type RecordUpdate = Partial<Pick<WebhookRecord, 'forward' | 'signature'>>;
