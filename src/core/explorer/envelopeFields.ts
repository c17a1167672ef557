import { type WebhookRecord } from '../store';

/** A parsed JSON object, as far as the explorer needs to look into it. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body of a record as a JSON object, or undefined when it is not one (not JSON, binary, cut short). */
export function parseRecordBody(record: WebhookRecord): JsonObject | undefined {
  if (record.parse.status !== 'json' || record.body.encoding !== 'utf8' || record.body.truncated) return undefined;
  try {
    const value: unknown = JSON.parse(record.body.data);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The envelope's `payload`, when it is an object. */
export function payloadOf(envelope: JsonObject | undefined): JsonObject | undefined {
  const payload = envelope?.payload;
  return isJsonObject(payload) ? payload : undefined;
}

export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The message an event is about: the original one for a bounce (reference §3.3), else `message`. */
export function messageOf(payload: JsonObject | undefined): JsonObject | undefined {
  if (payload === undefined) return undefined;
  const message = isJsonObject(payload.original_message) ? payload.original_message : payload.message;
  return isJsonObject(message) ? message : undefined;
}

/** What an event is about, in a few words: recipient, clicked URL, domain or server. */
export function subjectLine(event: string | undefined, payload: JsonObject | undefined): string | undefined {
  if (payload === undefined) return undefined;
  if (event === 'MessageLinkClicked') return text(payload.url) ?? text(messageOf(payload)?.to);
  if (event === 'DomainDNSError') return text(payload.domain);
  if (event === 'SendLimitApproaching' || event === 'SendLimitExceeded') return serverLine(payload);
  return text(messageOf(payload)?.to);
}

function serverLine(payload: JsonObject): string | undefined {
  const server = isJsonObject(payload.server) ? payload.server : undefined;
  const name = text(server?.name) ?? text(server?.permalink);
  const volume = text(payload.volume);
  const limit = text(payload.limit);
  const usage = volume !== undefined && limit !== undefined ? `${volume}/${limit}` : undefined;
  return [name, usage].filter((part) => part !== undefined).join(' ') || undefined;
}

/** A `name: value` line shown under an event. */
export interface KeyField {
  name: string;
  value: string;
}

const MESSAGE_KEYS = ['id', 'token', 'to', 'from', 'subject', 'direction', 'tag', 'spam_status', 'message_id'] as const;
const DNS_KEYS = ['spf', 'dkim', 'mx', 'return_path'] as const;

/**
 * The fields worth seeing at a glance for an event, in reading order: the message first, then
 * what this event adds (status and details, the clicked URL, DNS results, send volume).
 */
export function keyFields(event: string | undefined, payload: JsonObject | undefined): KeyField[] {
  if (payload === undefined) return [];
  const fields: KeyField[] = [];
  const add = (name: string, value: unknown): void => {
    const shown = value === null ? 'null' : text(value);
    if (shown !== undefined && shown !== '') fields.push({ name, value: shown });
  };
  const message = messageOf(payload);
  if (message !== undefined) for (const key of MESSAGE_KEYS) add(`message.${key}`, message[key]);
  if (event === 'MessageBounced' && isJsonObject(payload.bounce)) {
    add('bounce.from', payload.bounce.from);
    add('bounce.subject', payload.bounce.subject);
  }
  for (const key of ['status', 'details', 'output', 'sent_with_ssl', 'time', 'url', 'ip_address', 'user_agent']) add(key, payload[key]);
  if (event === 'DomainDNSError') {
    add('domain', payload.domain);
    for (const key of DNS_KEYS) add(key, dnsLine(payload[`${key}_status`], payload[`${key}_error`]));
  }
  if (isJsonObject(payload.server)) add('server', text(payload.server.name) ?? text(payload.server.permalink));
  add('volume', payload.volume);
  add('limit', payload.limit);
  return fields;
}

function dnsLine(status: unknown, error: unknown): string | undefined {
  const statusText = text(status);
  if (statusText === undefined) return undefined;
  const errorText = text(error);
  return errorText === undefined ? statusText : `${statusText}: ${errorText}`;
}
