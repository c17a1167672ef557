import { type EnvelopeOf, type PayloadOf } from '../envelope';
import { type EventName } from '../eventNames';
import { type MessageDirection, type PostalMessage, type SpamStatus } from '../message';
import { type PostalVersion, TOKEN_LENGTHS, type TokenKind } from '../primitives';
import { type PostalServer } from '../server';
import { SampleRandom } from './random';

export interface SampleOptions {
  /** Fixes every random value (ids, tokens, UUIDs, sub-second parts): same seed + `now`, same event. */
  seed?: number;
  /** When the event was triggered, Unix seconds; defaults to the current time. */
  now?: number;
  /** Postal version to imitate: token lengths, and `message` last in clicks and loads for v2. Default v3. */
  postalVersion?: PostalVersion;
  /**
   * Give every sample of one mail (same sender, recipient and subject) the same message id,
   * token and Message-ID, as Postal's events about one message share them: test events sent one
   * after another then tell one message's story (sent, loaded, clicked, bounced) instead of
   * looking like several messages with the same subject.
   */
  oneMessagePerMail?: boolean;
}

/** What a variant's builder draws on: the random source, the version and the trigger time. */
export interface SampleKit {
  readonly random: SampleRandom;
  readonly version: PostalVersion;
  /** The envelope timestamp, with microseconds like Postal's `created_at`. */
  readonly triggeredAt: number;
  /** See {@link SampleOptions.oneMessagePerMail}. */
  readonly oneMessagePerMail: boolean;
}

export const RETURN_PATH_DOMAIN = 'rp.postal.example.com';

export function sampleKit(options: SampleOptions = {}): SampleKit {
  const random = options.seed === undefined ? SampleRandom.unseeded() : SampleRandom.seeded(options.seed);
  const now = options.now ?? Date.now() / 1000;
  const triggeredAt = Number.isInteger(now) ? now + random.int(1, 999_999) / 1e6 : roundTo(now, 6);
  return { random, version: options.postalVersion ?? 'v3', triggeredAt, oneMessagePerMail: options.oneMessagePerMail === true };
}

export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** A time `seconds` (give or take 10%) before the trigger, with `decimals` sub-second digits. */
export function secondsBefore(kit: SampleKit, seconds: number, decimals = 6): number {
  const jitter = seconds * (0.9 + kit.random.unit() * 0.2);
  return roundTo(kit.triggeredAt - jitter, decimals);
}

export function token(kit: SampleKit, kind: TokenKind, random: SampleRandom = kit.random): string {
  return random.chars(TOKEN_LENGTHS[kind][kit.version]);
}

/** FNV-1a: a stable 32-bit number for a text, to seed the values of one mail. */
function stableSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash;
}

/** Message fields a variant may set; `message_id` may be built from the random source. */
export interface MessageFields {
  direction?: MessageDirection;
  message_id?: string | null | ((random: SampleRandom) => string);
  to?: string | null;
  from?: string | null;
  subject?: string | null;
  spam_status?: SpamStatus;
  tag?: string | null;
  /** How long before the event Postal created the message, in seconds. */
  ageSeconds?: number;
}

const ORDER_SHIPPED: Required<Omit<MessageFields, 'message_id'>> = {
  direction: 'outgoing',
  to: 'alice@example.net',
  from: 'notifications@acme.example',
  subject: 'Your order #1042 has shipped',
  spam_status: 'NotChecked',
  tag: 'order-shipped',
  ageSeconds: 1.4,
};

/** A `message` object in Postal's key order; by default the outgoing "order shipped" mail. */
export function buildMessage(kit: SampleKit, fields: MessageFields = {}): PostalMessage {
  const f = { ...ORDER_SHIPPED, ...fields };
  // The values that name the message: from the kit's sequence, or the same for every sample of this mail.
  const identity = kit.oneMessagePerMail ? SampleRandom.seeded(stableSeed(JSON.stringify([kit.version, f.direction, f.from, f.to, f.subject]))) : kit.random;
  const messageId = typeof f.message_id === 'function' ? f.message_id(identity) : f.message_id;
  return {
    id: identity.int(10_000, 99_999),
    token: token(kit, 'message', identity),
    direction: f.direction,
    message_id: messageId === undefined ? `${identity.uuid()}@${RETURN_PATH_DOMAIN}` : messageId,
    to: f.to,
    from: f.from,
    subject: f.subject,
    timestamp: secondsBefore(kit, f.ageSeconds),
    spam_status: f.spam_status,
    tag: f.tag,
  };
}

export function buildServer(kit: SampleKit): PostalServer {
  return { uuid: kit.random.uuid(), name: 'Acme Transactional', permalink: 'acme-transactional', organization: 'acme' };
}

/** The envelope in wire order: event, timestamp, payload, uuid. */
export function buildEnvelope<E extends EventName>(kit: SampleKit, event: E, payload: PayloadOf<E>): EnvelopeOf<E> {
  const envelope = { event, timestamp: kit.triggeredAt, payload, uuid: kit.random.uuid() };
  return envelope as unknown as EnvelopeOf<E>;
}

/** Postal v2 built click and load payloads later and appended `message` last (reference §7). */
export function inVersionOrder<P extends { message: PostalMessage }>(kit: SampleKit, payload: P): P {
  if (kit.version === 'v3') return payload;
  const { message, ...rest } = payload;
  return { ...rest, message } as P;
}

/** A Message-ID as Gmail makes them, for incoming mail. */
export function gmailMessageId(random: SampleRandom): string {
  return `CA${random.chars(31)}@mail.gmail.com`;
}

/** One named, realistic example of an event, built fresh (and reproducibly, given a seed). */
export interface SampleVariant<E extends EventName = EventName> {
  /** Stable id, e.g. `default` or `max-attempts`. */
  readonly name: string;
  /** Short title for pickers. */
  readonly label: string;
  /** One sentence on the situation the sample shows. */
  readonly description: string;
  build(options?: SampleOptions): EnvelopeOf<E>;
}

/** A variant whose envelope wraps the payload `payloadOf` makes from a fresh kit. */
export function sampleVariant<E extends EventName>(
  event: E,
  about: Pick<SampleVariant, 'name' | 'label' | 'description'>,
  payloadOf: (kit: SampleKit) => PayloadOf<E>,
): SampleVariant<E> {
  return {
    ...about,
    build(options) {
      const kit = sampleKit(options);
      return buildEnvelope(kit, event, payloadOf(kit));
    },
  };
}
