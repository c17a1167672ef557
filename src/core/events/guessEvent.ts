import { isPlainObject } from '../jsonValue';
import { DELIVERY_EVENT_BY_STATUS, isDeliveryStatus } from './deliveryEvents';
import { type EventName } from './eventNames';

/** True for an object with a string `event` and an object `payload`: worth validating as a webhook body. */
export function looksLikeEnvelope(value: unknown): value is { event: string; payload: Record<string, unknown> } {
  return isPlainObject(value) && typeof value.event === 'string' && isPlainObject(value.payload);
}

/**
 * Guesses which event an inner payload (no envelope) belongs to from its keys, the way a reader
 * would: `message` + `status` by the status, `original_message` + `bounce`, `message` + `url`,
 * `message` + `ip_address`/`user_agent`, `server` + `domain` + a DNS status, `server` + `volume` +
 * `limit` by whether the limit is reached. Undefined when it matches no event (or is an envelope).
 */
export function looksLikeBarePayload(value: unknown): EventName | undefined {
  if (!isPlainObject(value) || looksLikeEnvelope(value)) return undefined;
  const has = (key: string) => Object.hasOwn(value, key);
  if (has('original_message') && has('bounce')) return 'MessageBounced';
  if (has('message')) {
    if (has('status')) return isDeliveryStatus(value.status) ? DELIVERY_EVENT_BY_STATUS[value.status] : undefined;
    if (has('url')) return 'MessageLinkClicked';
    if (has('ip_address') || has('user_agent')) return 'MessageLoaded';
    return undefined;
  }
  if (has('server')) {
    if (has('domain') && (has('spf_status') || has('dkim_status'))) return 'DomainDNSError';
    if (has('volume') && has('limit')) return sendLimitEvent(value.volume, value.limit);
  }
  return undefined;
}

/** Postal sends SendLimitExceeded once the hourly volume reaches the limit, Approaching from 90%. */
function sendLimitEvent(volume: unknown, limit: unknown): EventName | undefined {
  if (typeof volume !== 'number' || typeof limit !== 'number') return undefined;
  return volume >= limit ? 'SendLimitExceeded' : 'SendLimitApproaching';
}
