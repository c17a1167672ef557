import { isPlainObject } from '../jsonValue';

/** An HTTP endpoint's format: the parsed message (`Hash`) or the stored message itself (`RawMessage`). */
export type InboundFormat = 'hash' | 'raw';
/** An HTTP endpoint's encoding: `BodyAsJSON` or `FormData` (urlencoded, never multipart). */
export type InboundEncoding = 'json' | 'form';

export const INBOUND_FORMATS: readonly InboundFormat[] = ['hash', 'raw'];
export const INBOUND_ENCODINGS: readonly InboundEncoding[] = ['json', 'form'];

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const JSON_CONTENT_TYPE = 'application/json';

/** Keys only the Hash format has; one of them, with `rcpt_to`, makes a body a Hash. */
export const HASH_MARKERS = ['token', 'spam_status', 'attachment_quantity', 'received_with_ssl', 'plain_body', 'html_body'] as const;

/**
 * Which endpoint format a parsed body has, by its shape (Postal sends no header that tells an
 * endpoint request from a webhook): a RawMessage has `message` and `base64` (true, or any value
 * beside `rcpt_to`, so that a wrong one is reported rather than the body ignored), a Hash has
 * `rcpt_to` and one of its own keys (`token`, `spam_status`, …). A body with `event`
 * is a webhook, whatever else it holds. Form values are strings, so `base64` may be `"true"`.
 */
export function recogniseInbound(value: unknown): InboundFormat | undefined {
  if (!isPlainObject(value) || Object.hasOwn(value, 'event')) return undefined;
  if (Object.hasOwn(value, 'message') && Object.hasOwn(value, 'base64') && (value.base64 === true || value.base64 === 'true' || Object.hasOwn(value, 'rcpt_to'))) return 'raw';
  if (!Object.hasOwn(value, 'rcpt_to')) return undefined;
  return HASH_MARKERS.some((key) => Object.hasOwn(value, key)) ? 'hash' : undefined;
}

/** The encoding a `Content-Type` names, or undefined for anything Postal never sends. */
export function encodingOfContentType(contentType: string | undefined): InboundEncoding | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === JSON_CONTENT_TYPE) return 'json';
  if (type === FORM_CONTENT_TYPE) return 'form';
  return undefined;
}

/** How Postal names the options in an endpoint's settings, for messages. */
export const POSTAL_NAMES = {
  hash: 'Hash ("Delivered as a hash")',
  raw: 'RawMessage ("Delivered as the raw message")',
  json: 'BodyAsJSON ("Sent in the body as JSON")',
  form: 'FormData ("Sent as form data")',
} as const satisfies Record<InboundFormat | InboundEncoding, string>;
