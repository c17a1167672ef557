import { type BodyFacts, type HistoryEntry, NO_FACTS } from '../store';
import { meaningful, subjectLine } from './envelopeFields';
import { fromTo, INBOUND_KEY, inboundSearchText, inboundThreadKey } from './inboundRows';

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
  /** For messages: Postal's message id, which joins a RawMessage (it has no token) to its message. */
  messageId?: string;
  /** For messages: mail Postal received rather than sent (inbound e-mail, `direction: "incoming"`). */
  incoming?: boolean;
}

/** The group of every request that is not a Postal event (or not one we can place). */
export const OTHER_KEY = '(other)';

/**
 * One record as the explorer shows it, computed once when the record arrives, from its history
 * entry (the body's facts were taken when it was stored), so that refreshing never reads a body.
 */
export interface RecordSummary {
  readonly record: HistoryEntry;
  /** The event name, or `METHOD /path` for a request that is not a Postal event. */
  readonly label: string;
  /** The by-type group: the event name for Postal events, `INBOUND_KEY` for inbound e-mail, else {@link OTHER_KEY}. */
  readonly typeKey: string;
  /** Recipient, clicked URL, domain or server; undefined when the body says nothing usable. */
  readonly subject: string | undefined;
  readonly thread: Thread;
  /** Lower-cased text the text filter searches: event, recipient, subject, URL, domain, uuid, path. */
  readonly search: string;
}

export function summarize(record: HistoryEntry): RecordSummary {
  if (record.kind === 'inbound' && record.inbound !== undefined) return summarizeInbound(record, record.inbound);
  const facts = record.kind === 'postal' ? record.facts : NO_FACTS;
  const event = record.kind === 'postal' ? record.event : undefined;
  const subject = subjectLine(event, facts);
  const fact = (name: string): string | undefined => meaningful(facts, name);
  const searchParts = [event, subject, fact('message.subject'), fact('message.to'), fact('message.from'), fact('url'), fact('domain'), record.uuid, record.method, record.path];
  return {
    record,
    label: event ?? `${record.method} ${record.path}`,
    typeKey: event ?? OTHER_KEY,
    subject,
    thread: threadOf(event, facts),
    search: searchParts.filter((part) => part !== undefined).join('\n').toLowerCase(),
  };
}

function threadOf(event: string | undefined, facts: BodyFacts): Thread {
  const other: Thread = { kind: 'other', key: OTHER_KEY, label: 'Other requests' };
  const fact = (name: string): string | undefined => meaningful(facts, name);
  if (event === undefined) return other;
  if (event === 'DomainDNSError') {
    const domain = fact('domain');
    return domain === undefined ? other : { kind: 'domain', key: domain.toLowerCase(), label: domain, detail: 'DNS' };
  }
  const server = fact('server.uuid') ?? fact('server.permalink') ?? fact('server.name');
  if (server !== undefined) return { kind: 'server', key: server, label: fact('server.name') ?? server, detail: 'send limit' };
  const key = fact('message.token') ?? fact('message.id');
  if (key === undefined) return other;
  const thread: Thread = { kind: 'message', key, label: fact('message.subject') ?? `Message ${key}` };
  const to = fact('message.to');
  if (to !== undefined) thread.detail = to;
  const id = fact('message.id');
  if (id !== undefined) thread.messageId = id;
  if (fact('message.direction') === 'incoming') thread.incoming = true;
  return thread;
}

/** An inbound e-mail: its own type group, `From → To`, and the message it is (with its webhooks). */
function summarizeInbound(record: HistoryEntry, inbound: NonNullable<HistoryEntry['inbound']>): RecordSummary {
  const key = inboundThreadKey(inbound);
  const thread: Thread = key === undefined ? { kind: 'other', key: OTHER_KEY, label: 'Other requests' } : { kind: 'message', key, label: inbound.subject ?? `Message ${inbound.id ?? key}`, incoming: true };
  const recipient = inbound.rcptTo ?? inbound.to;
  if (key !== undefined && recipient !== null) thread.detail = recipient;
  if (key !== undefined && inbound.id !== null) thread.messageId = String(inbound.id);
  return {
    record,
    label: fromTo(inbound),
    typeKey: INBOUND_KEY,
    subject: inbound.subject ?? undefined,
    thread,
    search: [...inboundSearchText(inbound), record.uuid, record.method, record.path].filter((part) => part !== undefined).join('\n').toLowerCase(),
  };
}
