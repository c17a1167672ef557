import { type DeliveryPolicy, inboundPolicy } from '../delivery';
import { parse as parseJsonc } from 'jsonc-parser';
import { composeFromEml, type EmlOptions } from './composeFromEml';
import { encodeInbound, encodeInboundText } from './encodeInbound';
import { type InboundEncoding, type InboundFormat, recogniseInbound } from './inboundFormat';

/** An inbound e-mail request body ready to send, as Postal would send it. */
export interface InboundPayload {
  /** `inbound hash/json 4711 "Re: Your order #1234"` */
  label: string;
  format: InboundFormat;
  encoding: InboundEncoding;
  body: Buffer;
  contentType: string;
  /** The payload as an object (JSON types), keys in Postal's order. */
  value: Record<string, unknown>;
}

export type InboundPayloadResult = { ok: true; payload: InboundPayload } | { ok: false; problem: string };

/** The endpoint format of a payload file's text, or undefined when it holds no endpoint payload. */
export function inboundFormatOfText(text: string): InboundFormat | undefined {
  return recogniseInbound(parseJsonc(text, [], { allowTrailingComma: true }));
}

/**
 * A payload file holding a Hash or RawMessage body (`*.postal.json`), encoded as Postal would
 * send it with `encoding`: in JSON the user's number text is kept, in a form each value is
 * written as Ruby writes it.
 */
export function readInboundPayloadFile(text: string, encoding: InboundEncoding): InboundPayloadResult {
  const encoded = encodeInboundText(text, encoding);
  if (!encoded.ok) return { ok: false, problem: encoded.errors.map((error) => error.message).join(' ') };
  const format = recogniseInbound(encoded.value);
  if (format === undefined) return { ok: false, problem: 'It is not an HTTP endpoint payload (a Hash has rcpt_to, token, spam_status…; a RawMessage has message and base64).' };
  return { ok: true, payload: { label: inboundLabel(format, encoding, encoded.value), format, encoding, value: encoded.value, ...encoded.encoded } };
}

/** The request Postal would make for the e-mail in `eml` (see `composeFromEml`). Rejects when it cannot be parsed. */
export async function inboundPayloadFromEml(eml: Buffer, options: EmlOptions): Promise<InboundPayload> {
  const { payload } = await composeFromEml(eml, options);
  return { label: inboundLabel(options.format, options.encoding, payload), format: options.format, encoding: options.encoding, value: payload, ...encodeInbound(payload, options.encoding) };
}

export function inboundLabel(format: InboundFormat, encoding: InboundEncoding, value: Record<string, unknown>): string {
  const subject = typeof value.subject === 'string' ? ` ${JSON.stringify(value.subject.length > 50 ? `${value.subject.slice(0, 49)}…` : value.subject)}` : '';
  return `inbound ${format}/${encoding} ${String(value.id ?? '?')}${subject}`;
}

/**
 * How Postal would judge the answer to this payload: the inbound policy with the endpoint's
 * timeout, bouncing to the sender unless the message is a bounce itself or has no sender.
 */
export function policyForPayload(value: Record<string, unknown>, timeoutSeconds?: number): DeliveryPolicy {
  const sendsBounces = value.bounce !== true && typeof value.mail_from === 'string' && value.mail_from !== '';
  return inboundPolicy({ sendsBounces, ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }) });
}
