import * as z from 'zod/mini';
import { onFirstUse } from '../onFirstUse';
import { documented } from './documented';
import { type EventName } from './eventNames';
import { DELIVERY_DOCS as DOC } from './fieldDocs';
import { messageSchema } from './message';
import { looseObject, unixTimeSchema } from './primitives';

/** The delivery statuses that trigger a webhook, and the event each one triggers (reference §3.2). */
export const DELIVERY_STATUSES = ['Sent', 'SoftFail', 'HardFail', 'Held'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_EVENT_BY_STATUS = {
  Sent: 'MessageSent',
  SoftFail: 'MessageDelayed',
  HardFail: 'MessageDeliveryFailed',
  Held: 'MessageHeld',
} as const satisfies Record<DeliveryStatus, EventName>;

/** The delivery status each of the four delivery events always carries. */
export const DELIVERY_STATUS_BY_EVENT = {
  MessageSent: 'Sent',
  MessageDelayed: 'SoftFail',
  MessageDeliveryFailed: 'HardFail',
  MessageHeld: 'Held',
} as const satisfies Record<(typeof DELIVERY_EVENT_BY_STATUS)[DeliveryStatus], DeliveryStatus>;
export type DeliveryEventName = keyof typeof DELIVERY_STATUS_BY_EVENT;

/** The four events a delivery attempt triggers (they share one payload shape). */
export function isDeliveryEvent(event: string): event is DeliveryEventName {
  return Object.hasOwn(DELIVERY_STATUS_BY_EVENT, event);
}

export function isDeliveryStatus(value: unknown): value is DeliveryStatus {
  return typeof value === 'string' && (DELIVERY_STATUSES as readonly string[]).includes(value);
}

/** `Delivery#webhook_hash`: the same shape for all four events, with the event's own status. */
function deliveryPayloadSchema<S extends DeliveryStatus>(status: S) {
  const statusDoc = {
    doc: `Always \`${status}\` in ${DELIVERY_EVENT_BY_STATUS[status]}. ${DOC.status.values[status]}`,
  };
  return looseObject({
    message: documented(messageSchema(), DOC.message),
    status: documented(z.literal(status), statusDoc),
    details: documented(z.string(), DOC.details),
    output: documented(z.string(), DOC.output),
    sent_with_ssl: documented(z.nullable(z.boolean()), DOC.sent_with_ssl),
    timestamp: documented(unixTimeSchema(), DOC.timestamp),
    time: documented(z.nullable(z.number()), DOC.time),
  });
}

export const messageSentSchema = onFirstUse(() => deliveryPayloadSchema('Sent'));
export type MessageSent = z.infer<ReturnType<typeof messageSentSchema>>;

export const messageDelayedSchema = onFirstUse(() => deliveryPayloadSchema('SoftFail'));
export type MessageDelayed = z.infer<ReturnType<typeof messageDelayedSchema>>;

export const messageDeliveryFailedSchema = onFirstUse(() => deliveryPayloadSchema('HardFail'));
export type MessageDeliveryFailed = z.infer<ReturnType<typeof messageDeliveryFailedSchema>>;

export const messageHeldSchema = onFirstUse(() => deliveryPayloadSchema('Held'));
export type MessageHeld = z.infer<ReturnType<typeof messageHeldSchema>>;
