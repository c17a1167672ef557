import { type RecordKind, type WebhookRecord } from './record';

/**
 * A few short text fields of a body, named by their JSON path: what the tree's rows, groups,
 * tooltips and text filter show, kept in memory so that none of them reads the history file.
 * Each kind of request has its own: a Postal webhook its envelope's message, recipient, URL,
 * domain or server; other kinds none yet. Values are cut at {@link MAX_FACT_LENGTH}.
 */
export type BodyFacts = Readonly<Record<string, string>>;

export const NO_FACTS: BodyFacts = Object.freeze({});
export const MAX_FACT_LENGTH = 500;

type JsonObject = Record<string, unknown>;

/** How each kind finds its facts in its parsed body; kinds not listed have none. */
const EXTRACTORS: Partial<Record<RecordKind, (body: unknown) => BodyFacts>> = {
  postal: envelopeFacts,
};

/** The facts of a body already parsed (`value`), e.g. by the listener as it inspected it. */
export function bodyFacts(kind: RecordKind, value: unknown): BodyFacts {
  const extract = EXTRACTORS[kind];
  return extract === undefined ? NO_FACTS : extract(value);
}

/** The facts of a stored record, parsing its body only when its kind has facts. */
export function recordFacts(record: Pick<WebhookRecord, 'kind' | 'parse' | 'body'>): BodyFacts {
  if (EXTRACTORS[record.kind] === undefined || record.parse.status !== 'json' || record.body.encoding !== 'utf8' || record.body.truncated) return NO_FACTS;
  try {
    return bodyFacts(record.kind, JSON.parse(record.body.data));
  } catch {
    return NO_FACTS;
  }
}

/** `[key in the object, name of the fact]`, named once here rather than per request. */
type Names = readonly (readonly [string, string])[];
const named = (prefix: string, keys: readonly string[]): Names => keys.map((key) => [key, prefix + key]);

const MESSAGE = named('message.', ['id', 'token', 'to', 'from', 'subject', 'direction', 'tag', 'spam_status', 'message_id']);
const BOUNCE = named('bounce.', ['from', 'subject']);
const PAYLOAD = named('', ['status', 'details', 'output', 'sent_with_ssl', 'time', 'url', 'ip_address', 'user_agent', 'domain', 'volume', 'limit']);
const DNS = named('', ['spf', 'dkim', 'mx', 'return_path'].flatMap((key) => [`${key}_status`, `${key}_error`]));
const SERVER = named('server.', ['uuid', 'permalink', 'name']);

/**
 * A Postal envelope's facts: `message.*` (the original message for a bounce), `bounce.from` and
 * `bounce.subject`, the payload's own fields, DNS results (of a DNS error), `server.*`.
 */
function envelopeFacts(value: unknown): BodyFacts {
  if (!isJsonObject(value) || !isJsonObject(value.payload)) return NO_FACTS;
  const payload = value.payload;
  const facts: Record<string, string> = {};
  const message = isJsonObject(payload.original_message) ? payload.original_message : payload.message;
  copy(facts, message, MESSAGE);
  copy(facts, payload.bounce, BOUNCE);
  copy(facts, payload, PAYLOAD);
  if (value.event === 'DomainDNSError') copy(facts, payload, DNS);
  copy(facts, payload.server, SERVER);
  return facts;
}

function copy(facts: Record<string, string>, source: unknown, names: Names): void {
  if (!isJsonObject(source)) return;
  for (const [key, name] of names) {
    const shown = factText(source[key]);
    if (shown !== undefined) facts[name] = shown;
  }
}

/** Text for strings, numbers, booleans and null (shown as `null`, as Postal sends it); nothing for objects. */
function factText(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > MAX_FACT_LENGTH ? `${value.slice(0, MAX_FACT_LENGTH - 1)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
