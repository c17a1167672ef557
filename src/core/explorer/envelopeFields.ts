import { type BodyFacts } from '../store';

/** A parsed JSON object, as far as the explorer needs to look into it. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A fact that means something: `null` and empty values tell nothing about what an event is about. */
export function meaningful(facts: BodyFacts, name: string): string | undefined {
  const value = Object.hasOwn(facts, name) ? facts[name] : undefined;
  return value === undefined || value === '' || value === 'null' ? undefined : value;
}

/** What an event is about, in a few words: recipient, clicked URL, domain or server (from its body's facts). */
export function subjectLine(event: string | undefined, facts: BodyFacts): string | undefined {
  if (event === 'MessageLinkClicked') return meaningful(facts, 'url') ?? meaningful(facts, 'message.to');
  if (event === 'DomainDNSError') return meaningful(facts, 'domain');
  if (event === 'SendLimitApproaching' || event === 'SendLimitExceeded') return serverLine(facts);
  return meaningful(facts, 'message.to');
}

function serverLine(facts: BodyFacts): string | undefined {
  const name = meaningful(facts, 'server.name') ?? meaningful(facts, 'server.permalink');
  const volume = meaningful(facts, 'volume');
  const limit = meaningful(facts, 'limit');
  const usage = volume !== undefined && limit !== undefined ? `${volume}/${limit}` : undefined;
  return [name, usage].filter((part) => part !== undefined).join(' ') || undefined;
}

/** A `name: value` line shown under an event. */
export interface KeyField {
  name: string;
  value: string;
}

const MESSAGE_KEYS = ['id', 'token', 'to', 'from', 'subject', 'direction', 'tag', 'spam_status', 'message_id'] as const;
const PAYLOAD_KEYS = ['status', 'details', 'output', 'sent_with_ssl', 'time', 'url', 'ip_address', 'user_agent'] as const;
const DNS_KEYS = ['spf', 'dkim', 'mx', 'return_path'] as const;

/**
 * The fields worth seeing at a glance for an event, in reading order: the message first, then
 * what this event adds (status and details, the clicked URL, DNS results, send volume).
 */
export function keyFields(event: string | undefined, facts: BodyFacts): KeyField[] {
  const fields: KeyField[] = [];
  const add = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') fields.push({ name, value });
  };
  const fact = (name: string): string | undefined => (Object.hasOwn(facts, name) ? facts[name] : undefined);
  // The facts call the message `message`; a bounce's payload calls it `original_message`, and the fields are named as sent.
  const prefix = event === 'MessageBounced' ? 'original_message' : 'message';
  for (const key of MESSAGE_KEYS) add(`${prefix}.${key}`, fact(`message.${key}`));
  if (event === 'MessageBounced') {
    add('bounce.from', fact('bounce.from'));
    add('bounce.subject', fact('bounce.subject'));
  }
  for (const key of PAYLOAD_KEYS) add(key, fact(key));
  if (event === 'DomainDNSError') {
    add('domain', fact('domain'));
    for (const key of DNS_KEYS) add(key, dnsLine(fact(`${key}_status`), fact(`${key}_error`)));
  }
  add('server', meaningful(facts, 'server.name') ?? meaningful(facts, 'server.permalink'));
  add('volume', fact('volume'));
  add('limit', fact('limit'));
  return fields;
}

function dnsLine(status: string | undefined, error: string | undefined): string | undefined {
  if (status === undefined || status === 'null') return undefined;
  return error === undefined || error === 'null' ? status : `${status}: ${error}`;
}
