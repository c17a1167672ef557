import { DELIVERY_STATUS_BY_EVENT, type DeliveryStatus } from './deliveryEvents';
import { type EnvelopeOf } from './envelope';
import { EVENT_NAMES, type EventName } from './eventNames';
import {
  MESSAGE_DELAYED_VARIANTS,
  MESSAGE_DELIVERY_FAILED_VARIANTS,
  MESSAGE_HELD_VARIANTS,
  MESSAGE_SENT_VARIANTS,
} from './samples/deliveryVariants';
import { type SampleOptions, type SampleVariant } from './samples/sampleKit';
import {
  DOMAIN_DNS_ERROR_VARIANTS,
  SEND_LIMIT_APPROACHING_VARIANTS,
  SEND_LIMIT_EXCEEDED_VARIANTS,
} from './samples/serverVariants';
import {
  MESSAGE_BOUNCED_VARIANTS,
  MESSAGE_LINK_CLICKED_VARIANTS,
  MESSAGE_LOADED_VARIANTS,
} from './samples/trackingVariants';

/** What the extension tells a user about an event: in pickers, the tree, hovers and docs. */
export interface EventInfo<E extends EventName = EventName> {
  readonly name: E;
  /** One line: what happened. */
  readonly summary: string;
  /** When Postal sends it, in a user's words (reference §1, §3). */
  readonly whenSent: string;
  /** Which Postal versions send it. */
  readonly postalVersions: string;
  /** Whether Postal's webhook form has a check-box for it (else only "all events" webhooks get it). */
  readonly selectable: boolean;
  /** A VS Code codicon id for the event, without `$()`. */
  readonly codicon: string;
  /** The delivery status the event always carries; only the four delivery events have one. */
  readonly status?: DeliveryStatus;
  /** Realistic samples; the first is named `default`. */
  readonly variants: readonly SampleVariant<E>[];
}

const ALL_VERSIONS = 'all versions';
const ALL_EVENTS_ONLY = 'all versions, but since 2.0 only to webhooks with "all events" on';

export const EVENT_CATALOG: { readonly [E in EventName]: EventInfo<E> } = {
  MessageSent: {
    name: 'MessageSent',
    summary: 'A message was delivered to its recipient or HTTP endpoint.',
    whenSent:
      "Each time Postal delivers a message: the recipient's mail server accepted it, or (for incoming mail) your HTTP endpoint answered 2xx.",
    postalVersions: ALL_VERSIONS,
    selectable: true,
    codicon: 'pass',
    status: DELIVERY_STATUS_BY_EVENT.MessageSent,
    variants: MESSAGE_SENT_VARIANTS,
  },
  MessageDelayed: {
    name: 'MessageDelayed',
    summary: 'A delivery attempt failed for now; Postal will retry.',
    whenSent:
      'On every soft-failed delivery attempt (a 4xx SMTP reply, no reachable mail server, a 5xx from an HTTP endpoint), so one message can cause many of these.',
    postalVersions: ALL_VERSIONS,
    selectable: true,
    codicon: 'clock',
    status: DELIVERY_STATUS_BY_EVENT.MessageDelayed,
    variants: MESSAGE_DELAYED_VARIANTS,
  },
  MessageDeliveryFailed: {
    name: 'MessageDeliveryFailed',
    summary: 'A message could not be delivered and will not be retried.',
    whenSent:
      'When a delivery fails for good: a 5xx SMTP reply, an HTTP endpoint answering 4xx, too many soft fails, or a failure decided inside Postal (no route, likely spam).',
    postalVersions: ALL_VERSIONS,
    selectable: true,
    codicon: 'error',
    status: DELIVERY_STATUS_BY_EVENT.MessageDeliveryFailed,
    variants: MESSAGE_DELIVERY_FAILED_VARIANTS,
  },
  MessageHeld: {
    name: 'MessageHeld',
    summary: 'Postal held a message instead of sending it.',
    whenSent:
      'When Postal holds a message: the mail server is in development mode, the credential holds everything, the recipient is on the suppression list or the send limit is reached.',
    postalVersions: ALL_VERSIONS,
    selectable: true,
    codicon: 'debug-pause',
    status: DELIVERY_STATUS_BY_EVENT.MessageHeld,
    variants: MESSAGE_HELD_VARIANTS,
  },
  MessageBounced: {
    name: 'MessageBounced',
    summary: 'A bounce came back for a message that was sent.',
    whenSent:
      'When a bounce (DSN) arrives at the return path address and names an earlier message through its X-Postal-MsgID header.',
    postalVersions: ALL_VERSIONS,
    selectable: true,
    codicon: 'reply',
    variants: MESSAGE_BOUNCED_VARIANTS,
  },
  MessageLinkClicked: {
    name: 'MessageLinkClicked',
    summary: 'A recipient clicked a tracked link.',
    whenSent: 'On every click of a tracked link (click tracking on), just before Postal redirects to the original URL.',
    postalVersions: ALL_VERSIONS,
    selectable: true,
    codicon: 'link-external',
    variants: MESSAGE_LINK_CLICKED_VARIANTS,
  },
  MessageLoaded: {
    name: 'MessageLoaded',
    summary: 'A message was opened: its tracking pixel was loaded.',
    whenSent: "Every time a message's open-tracking pixel is loaded, by the recipient's mail client or an image proxy.",
    postalVersions: ALL_VERSIONS,
    selectable: true,
    codicon: 'eye',
    variants: MESSAGE_LOADED_VARIANTS,
  },
  DomainDNSError: {
    name: 'DomainDNSError',
    summary: "A domain's SPF, DKIM, MX or return path DNS records are wrong.",
    whenSent:
      "From the automatic hourly DNS check of the mail server's own domains, when SPF or DKIM is not OK or MX or the return path is Invalid; repeats about hourly while it lasts.",
    postalVersions: ALL_VERSIONS,
    selectable: true,
    codicon: 'globe',
    variants: DOMAIN_DNS_ERROR_VARIANTS,
  },
  SendLimitApproaching: {
    name: 'SendLimitApproaching',
    summary: 'The mail server has used 90% of its hourly send limit.',
    whenSent: "When outgoing mail in the last hour reaches 90% of the mail server's send limit; at most once an hour.",
    postalVersions: ALL_EVENTS_ONLY,
    selectable: false,
    codicon: 'warning',
    variants: SEND_LIMIT_APPROACHING_VARIANTS,
  },
  SendLimitExceeded: {
    name: 'SendLimitExceeded',
    summary: 'The mail server reached its send limit; outgoing mail is held.',
    whenSent:
      'When outgoing mail in the last hour reaches the send limit (each further message gets MessageHeld); at most once an hour.',
    postalVersions: ALL_EVENTS_ONLY,
    selectable: false,
    codicon: 'stop-circle',
    variants: SEND_LIMIT_EXCEEDED_VARIANTS,
  },
};

/** The variant of `event` called `name`, or undefined if there is none. */
export function findVariant<E extends EventName>(event: E, name: string): SampleVariant<E> | undefined {
  const variants: readonly SampleVariant<E>[] = EVENT_CATALOG[event].variants;
  return variants.find((variant) => variant.name === name);
}

/**
 * Builds a sample envelope of `event`. An unknown variant name is a programmer error; call
 * `findVariant` or `listVariants` first when the name comes from a user.
 */
export function sampleEnvelope<E extends EventName>(event: E, variant = 'default', options?: SampleOptions): EnvelopeOf<E> {
  const found = findVariant(event, variant);
  if (!found) {
    const known = EVENT_CATALOG[event].variants.map((entry) => entry.name).join(', ');
    throw new RangeError(`${event} has no sample variant "${variant}" (it has: ${known})`);
  }
  return found.build(options);
}

/** Every variant of every event, in EVENT_NAMES order. */
export function listVariants(): readonly (SampleVariant & { readonly event: EventName })[] {
  return EVENT_NAMES.flatMap((event) =>
    (EVENT_CATALOG[event].variants as readonly SampleVariant[]).map((variant) => ({ ...variant, event })),
  );
}
