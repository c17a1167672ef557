import { type WebhookRecord } from '../store';
import { isJsonObject, type JsonObject, messageOf, parseRecordBody, payloadOf, subjectLine, text } from './envelopeFields';

/**
 * What a record belongs to in the by-message view: a message (all its events, bounces included,
 * keyed by the message token), a domain (DNS errors), a server (send limits), or nothing known.
 */
export interface Thread {
  kind: 'message' | 'domain' | 'server' | 'other';
  /** Unique within its kind. */
  key: string;
  /** What the group is called: the message subject, the domain, the server name. */
  label: string;
  /** A second line: the recipient, for messages. */
  detail?: string;
}

/** The group of every request that is not a Postal event (or not one we can place). */
export const OTHER_KEY = '(other)';

/**
 * One record as the explorer shows it, computed once when the record arrives (one JSON.parse)
 * so that refreshing the tree never parses bodies again.
 */
export interface RecordSummary {
  readonly record: WebhookRecord;
  /** The event name, or `METHOD /path` for a request that is not a Postal event. */
  readonly label: string;
  /** The by-type group: the event name for Postal events, else {@link OTHER_KEY}. */
  readonly typeKey: string;
  /** Recipient, clicked URL, domain or server; undefined when the body says nothing usable. */
  readonly subject: string | undefined;
  readonly thread: Thread;
  /** Lower-cased text the text filter searches: event, recipient, subject, URL, domain, uuid, path. */
  readonly search: string;
}

export function summarize(record: WebhookRecord): RecordSummary {
  const envelope = record.kind === 'postal' ? parseRecordBody(record) : undefined;
  const payload = payloadOf(envelope);
  const event = record.kind === 'postal' ? record.event : undefined;
  const subject = subjectLine(event, payload);
  const thread = threadOf(event, payload);
  const message = messageOf(payload);
  const searchParts = [event, subject, text(message?.subject), text(message?.to), text(message?.from), text(payload?.url), text(payload?.domain), record.uuid, record.method, record.path];
  return {
    record,
    label: event ?? `${record.method} ${record.path}`,
    typeKey: event ?? OTHER_KEY,
    subject,
    thread,
    search: searchParts.filter((part) => part !== undefined).join('\n').toLowerCase(),
  };
}

function threadOf(event: string | undefined, payload: JsonObject | undefined): Thread {
  const other: Thread = { kind: 'other', key: OTHER_KEY, label: 'Other requests' };
  if (event === undefined || payload === undefined) return other;
  if (event === 'DomainDNSError') {
    const domain = text(payload.domain);
    return domain === undefined ? other : { kind: 'domain', key: domain.toLowerCase(), label: domain, detail: 'DNS' };
  }
  if (isJsonObject(payload.server)) {
    const server = payload.server;
    const key = text(server.uuid) ?? text(server.permalink) ?? text(server.name);
    return key === undefined ? other : { kind: 'server', key, label: text(server.name) ?? key, detail: 'send limit' };
  }
  const message = messageOf(payload);
  const key = text(message?.token) ?? text(message?.id);
  if (message === undefined || key === undefined) return other;
  const thread: Thread = { kind: 'message', key, label: text(message.subject) ?? `Message ${key}` };
  const to = text(message.to);
  if (to !== undefined) thread.detail = to;
  return thread;
}
