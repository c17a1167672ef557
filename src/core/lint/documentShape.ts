import { isEventName, looksLikeBarePayload, looksLikeEnvelope } from '../events';
import { recogniseInbound } from '../inbound/inboundFormat';
import { isPlainObject } from '../jsonValue';
import { type DocumentShape } from './rule';

/**
 * Decides what the root of a document is. An object with an `event` key is read as an
 * envelope even if it is badly broken, so its problems are reported against the envelope.
 */
export function detectShape(value: unknown): DocumentShape {
  if (!isPlainObject(value)) return { kind: 'other' };
  if (Object.hasOwn(value, 'event') || looksLikeEnvelope(value)) {
    return { kind: 'envelope', event: isEventName(value.event) ? value.event : undefined };
  }
  const inbound = recogniseInbound(value);
  if (inbound !== undefined) return { kind: 'inbound', format: inbound };
  const bare = looksLikeBarePayload(value);
  return bare ? { kind: 'bare-payload', event: bare } : { kind: 'other' };
}
