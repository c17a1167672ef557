import { type EndpointOptions } from './composePayload';
import { inboundHashSample } from './inboundSamples';
import { separateReplies } from './replySeparator';

// Kept out of inboundSamples.ts, which the extension loads: the reply separator imported there
// becomes a chunk of its own, one more file the extension loads at start.

/**
 * The reference message as an endpoint with these options would get it in the Hash format:
 * without `attachments` when attachment data is off, with the replies cut out of `plain_body`
 * into `replies_from_plain_body` when *strip replies* is on.
 */
export function inboundHashSampleFor(endpoint: EndpointOptions): Record<string, unknown> {
  const { plain_body: plainBody, attachments, ...always } = inboundHashSample();
  const payload: Record<string, unknown> = { ...always };
  if (endpoint.stripReplies) {
    const separated = separateReplies(plainBody as string);
    payload.plain_body = separated.plainBody;
    payload.replies_from_plain_body = separated.replies;
  } else {
    payload.plain_body = plainBody;
  }
  if (endpoint.includeAttachments) payload.attachments = attachments;
  return payload;
}
