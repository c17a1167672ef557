import * as z from 'zod/mini';
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
import { unixTimeSchema, uuidSchema } from './primitives';
import {
  domainDnsErrorSchema,
  sendLimitApproachingSchema,
  sendLimitExceededSchema,
} from './serverEvents';
import { messageLinkClickedSchema, messageLoadedSchema } from './trackingEvents';

/** Each event's payload schema, keyed by event name. */
export const PAYLOAD_SCHEMAS = {
  MessageSent: messageSentSchema,
  MessageDelayed: messageDelayedSchema,
  MessageDeliveryFailed: messageDeliveryFailedSchema,
  MessageHeld: messageHeldSchema,
  MessageBounced: messageBouncedSchema,
  MessageLinkClicked: messageLinkClickedSchema,
  MessageLoaded: messageLoadedSchema,
  DomainDNSError: domainDnsErrorSchema,
  SendLimitApproaching: sendLimitApproachingSchema,
  SendLimitExceeded: sendLimitExceededSchema,
} as const satisfies Record<EventName, z.ZodMiniType>;
export type PayloadOf<E extends EventName> = z.infer<(typeof PAYLOAD_SCHEMAS)[E]>;

/** The HTTP body Postal posts (reference §2), keys in wire order: event, timestamp, payload, uuid. */
function envelopeSchemaFor<E extends EventName, P extends z.ZodMiniType>(event: E, payload: P) {
  return z.looseObject({
    event: documented(z.literal(event), DOC.event),
    timestamp: documented(unixTimeSchema(), DOC.timestamp),
    payload: documented(payload, DOC.payload),
    uuid: documented(uuidSchema(), DOC.uuid),
  });
}

export const ENVELOPE_SCHEMAS = {
  MessageSent: envelopeSchemaFor('MessageSent', PAYLOAD_SCHEMAS.MessageSent),
  MessageDelayed: envelopeSchemaFor('MessageDelayed', PAYLOAD_SCHEMAS.MessageDelayed),
  MessageDeliveryFailed: envelopeSchemaFor('MessageDeliveryFailed', PAYLOAD_SCHEMAS.MessageDeliveryFailed),
  MessageHeld: envelopeSchemaFor('MessageHeld', PAYLOAD_SCHEMAS.MessageHeld),
  MessageBounced: envelopeSchemaFor('MessageBounced', PAYLOAD_SCHEMAS.MessageBounced),
  MessageLinkClicked: envelopeSchemaFor('MessageLinkClicked', PAYLOAD_SCHEMAS.MessageLinkClicked),
  MessageLoaded: envelopeSchemaFor('MessageLoaded', PAYLOAD_SCHEMAS.MessageLoaded),
  DomainDNSError: envelopeSchemaFor('DomainDNSError', PAYLOAD_SCHEMAS.DomainDNSError),
  SendLimitApproaching: envelopeSchemaFor('SendLimitApproaching', PAYLOAD_SCHEMAS.SendLimitApproaching),
  SendLimitExceeded: envelopeSchemaFor('SendLimitExceeded', PAYLOAD_SCHEMAS.SendLimitExceeded),
} satisfies Record<EventName, z.ZodMiniType>;

/** Any Postal webhook body, discriminated by `event`. */
export const envelopeSchema = z.discriminatedUnion('event', [
  ENVELOPE_SCHEMAS.MessageSent,
  ENVELOPE_SCHEMAS.MessageDelayed,
  ENVELOPE_SCHEMAS.MessageDeliveryFailed,
  ENVELOPE_SCHEMAS.MessageHeld,
  ENVELOPE_SCHEMAS.MessageBounced,
  ENVELOPE_SCHEMAS.MessageLinkClicked,
  ENVELOPE_SCHEMAS.MessageLoaded,
  ENVELOPE_SCHEMAS.DomainDNSError,
  ENVELOPE_SCHEMAS.SendLimitApproaching,
  ENVELOPE_SCHEMAS.SendLimitExceeded,
]);
export type Envelope = z.infer<typeof envelopeSchema>;
export type EnvelopeOf<E extends EventName> = Extract<Envelope, { event: E }>;
