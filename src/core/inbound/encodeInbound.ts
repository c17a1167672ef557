import { type JsonPath } from '../jsonValue';
import { encodeJsonText, type JsonTextError } from '../replay/jsonText';
import { type NumberKindAt, railsJson } from '../replay/railsJson';
import { encodeForm } from './formBody';
import { FORM_CONTENT_TYPE, type InboundEncoding, JSON_CONTENT_TYPE } from './inboundFormat';

/** A request body as Postal sends it to an endpoint, with its `Content-Type`. */
export interface InboundBody {
  body: Buffer;
  contentType: string;
}

/** `timestamp` is the one Ruby Float of both formats (`message.timestamp.to_f`); every other number is an Integer. */
export const inboundNumberKinds: NumberKindAt = (path: JsonPath) => (path.length === 1 && path[0] === 'timestamp' ? 'float' : undefined);

/**
 * A payload object encoded as the endpoint's encoding: JSON as Rails' `to_json` writes it
 * (compact, `\u003c`-escaped, `timestamp` as a Ruby Float), or a form as Net::HTTP's
 * `set_form_data` writes it (see `formBody.ts`).
 */
export function encodeInbound(payload: Record<string, unknown>, encoding: InboundEncoding): InboundBody {
  if (encoding === 'form') return { body: Buffer.from(encodeForm(payload, (key) => key === 'timestamp'), 'utf8'), contentType: FORM_CONTENT_TYPE };
  return { body: Buffer.from(railsJson(payload, { numberKindAt: inboundNumberKinds }), 'utf8'), contentType: JSON_CONTENT_TYPE };
}

export type InboundTextEncoding = { ok: true; value: Record<string, unknown>; encoded: InboundBody } | { ok: false; errors: JsonTextError[] };

/**
 * A payload file the user wrote, encoded for sending. In JSON, numbers keep the text the user
 * wrote (`timestamp` printed as Ruby prints it), as replays of webhook files do; in a form,
 * values are written as Ruby writes them.
 */
export function encodeInboundText(text: string, encoding: InboundEncoding): InboundTextEncoding {
  const encoded = encodeJsonText(text, () => inboundNumberKinds);
  if (!encoded.ok) return { ok: false, errors: encoded.errors };
  const value = encoded.value as Record<string, unknown>;
  if (encoding === 'form') return { ok: true, value, encoded: encodeInbound(value, 'form') };
  return { ok: true, value, encoded: { body: Buffer.from(encoded.json, 'utf8'), contentType: JSON_CONTENT_TYPE } };
}
