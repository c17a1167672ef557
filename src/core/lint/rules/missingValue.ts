import { type EventName, looksLikeBarePayload, sampleEnvelope } from '../../events';
import { inboundSample } from '../../inbound/inboundSamples';
import { type RuleContext } from '../rule';
import { type JsonPath } from '../types';
import { valueAt } from '../../jsonValue';
import { numberAt } from './support';

const NONE = Symbol('none');
type Found = unknown | typeof NONE;

/**
 * A realistic value for a field the document lacks, for the "insert missing field" fix: the
 * event name the payload implies, a fresh uuid, a timestamp that fits the others, or else the
 * value the catalog's sample of the event has there. NONE when nothing sensible exists.
 */
export function missingValue(context: RuleContext, path: JsonPath): Found {
  if (context.shape.kind === 'inbound') {
    const sample = valueAt(inboundSample(context.shape.format), path);
    return sample === undefined ? NONE : sample;
  }
  const envelopePath: JsonPath = context.shape.kind === 'bare-payload' ? ['payload', ...path] : path;
  const key = envelopePath.join('.');
  if (key === 'event') return looksLikeBarePayload(context.payload) ?? NONE;
  if (key === 'uuid') return context.randomUuid();
  const event = context.event;
  if (!event) return NONE;
  const chain = timestampChain(event);
  const index = chain.indexOf(key);
  if (index !== -1) return fittingTimestamp(context, chain, index);
  const sample = valueAt(sampleEnvelope(event, undefined, { now: context.now() / 1000, seed: Math.floor(context.now()) % 2 ** 31 }), envelopePath);
  return sample === undefined ? NONE : sample;
}

export { NONE as NO_VALUE };

/** Timestamps in the order Postal creates them: message, delivery or bounce, webhook request. */
function timestampChain(event: EventName): string[] {
  if (event === 'MessageBounced') return ['payload.original_message.timestamp', 'payload.bounce.timestamp', 'timestamp'];
  if (event === 'MessageLinkClicked' || event === 'MessageLoaded') return ['payload.message.timestamp', 'timestamp'];
  if (event === 'DomainDNSError') return ['payload.dns_checked_at', 'timestamp'];
  if (event === 'SendLimitApproaching' || event === 'SendLimitExceeded') return ['timestamp'];
  return ['payload.message.timestamp', 'payload.timestamp', 'timestamp'];
}

/** Just after the nearest earlier time in the chain, else just before the nearest later one, else now. */
function fittingTimestamp(context: RuleContext, chain: string[], index: number): number {
  const at = (i: number) => numberAt(context, toDocumentPath(context, chain[i]));
  for (let i = index - 1; i >= 0; i--) {
    const earlier = at(i);
    if (earlier !== undefined) return round(earlier + 0.5 * (index - i));
  }
  for (let i = index + 1; i < chain.length; i++) {
    const later = at(i);
    if (later !== undefined) return round(later - 0.5 * (i - index));
  }
  return round(context.now() / 1000 - 0.5 * (chain.length - 1 - index));
}

function toDocumentPath(context: RuleContext, envelopeKey: string): JsonPath {
  const path = envelopeKey.split('.');
  return context.shape.kind === 'bare-payload' ? path.slice(1) : path;
}

function round(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}
