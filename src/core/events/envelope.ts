import * as z from 'zod/mini';
import { onFirstUse } from '../onFirstUse';
import {
  messageDelayedSchema,
  messageDeliveryFailedSchema,
  messageHeldSchema,
  messageSentSchema,
} from './deliveryEvents';
import { documented } from './documented';
import { type EventName } from './eventNames';
import { ENVELOPE_DOCS as DOC } from './fieldDocs';
import { messageBouncedSchema } from './messageBounced';
import { looseObject, unixTimeSchema, uuidSchema } from './primitives';
import {
  domainDnsErrorSchema,
  sendLimitApproachingSchema,
  sendLimitExceededSchema,
} from './serverEvents';
import { messageLinkClickedSchema, messageLoadedSchema } from './trackingEvents';

/** The keys of the HTTP body Postal posts (reference §2), in wire order. */
export const ENVELOPE_KEYS = ['event', 'timestamp', 'payload', 'uuid'] as const;

/**
 * Each event's payload schema, keyed by event name. Like every schema here, built the first
 * time something validates or describes a payload, not when the extension loads.
 */
export const payloadSchemas = onFirstUse(() => ({
  MessageSent: messageSentSchema(),
  MessageDelayed: messageDelayedSchema(),
  MessageDeliveryFailed: messageDeliveryFailedSchema(),
  MessageHeld: messageHeldSchema(),
  MessageBounced: messageBouncedSchema(),
  MessageLinkClicked: messageLinkClickedSchema(),
  MessageLoaded: messageLoadedSchema(),
  DomainDNSError: domainDnsErrorSchema(),
  SendLimitApproaching: sendLimitApproachingSchema(),
  SendLimitExceeded: sendLimitExceededSchema(),
}) as const satisfies Record<EventName, z.ZodMiniType>);
type PayloadSchemas = ReturnType<typeof payloadSchemas>;
export type PayloadOf<E extends EventName> = z.infer<PayloadSchemas[E]>;

/** The HTTP body Postal posts (reference §2), keys in wire order (ENVELOPE_KEYS). */
function envelopeSchemaFor<E extends EventName, P extends z.ZodMiniType>(event: E, payload: P) {
  return looseObject({
    event: documented(z.literal(event), DOC.event),
    timestamp: documented(unixTimeSchema(), DOC.timestamp),
    payload: documented(payload, DOC.payload),
    uuid: documented(uuidSchema(), DOC.uuid),
  });
}

/** Each event's envelope schema, keyed by event name. */
export const envelopeSchemas = onFirstUse(() => {
  const payloads = payloadSchemas();
  return {
    MessageSent: envelopeSchemaFor('MessageSent', payloads.MessageSent),
    MessageDelayed: envelopeSchemaFor('MessageDelayed', payloads.MessageDelayed),
    MessageDeliveryFailed: envelopeSchemaFor('MessageDeliveryFailed', payloads.MessageDeliveryFailed),
    MessageHeld: envelopeSchemaFor('MessageHeld', payloads.MessageHeld),
    MessageBounced: envelopeSchemaFor('MessageBounced', payloads.MessageBounced),
    MessageLinkClicked: envelopeSchemaFor('MessageLinkClicked', payloads.MessageLinkClicked),
    MessageLoaded: envelopeSchemaFor('MessageLoaded', payloads.MessageLoaded),
    DomainDNSError: envelopeSchemaFor('DomainDNSError', payloads.DomainDNSError),
    SendLimitApproaching: envelopeSchemaFor('SendLimitApproaching', payloads.SendLimitApproaching),
    SendLimitExceeded: envelopeSchemaFor('SendLimitExceeded', payloads.SendLimitExceeded),
  } satisfies Record<EventName, z.ZodMiniType>;
});

/** Any Postal webhook body, discriminated by `event`. */
export const envelopeSchema = onFirstUse(() => {
  const envelopes = envelopeSchemas();
  return z.discriminatedUnion('event', [
    envelopes.MessageSent,
    envelopes.MessageDelayed,
    envelopes.MessageDeliveryFailed,
    envelopes.MessageHeld,
    envelopes.MessageBounced,
    envelopes.MessageLinkClicked,
    envelopes.MessageLoaded,
    envelopes.DomainDNSError,
    envelopes.SendLimitApproaching,
    envelopes.SendLimitExceeded,
  ]);
});
export type Envelope = z.infer<ReturnType<typeof envelopeSchema>>;
export type EnvelopeOf<E extends EventName> = Extract<Envelope, { event: E }>;
