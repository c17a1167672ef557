import { decode64, encode64, encodeInbound, type InboundEncoding, type InboundFormat, inboundHashSampleFor, inboundRawSample, readFormBody, typedFormValue } from '../../../src/core/inbound';

/** One inbound e-mail request as Postal makes it, and the lines a handler snippet prints for it. */
export interface InboundRequestCase {
  /** `hash/json`, `raw/form`, … */
  name: string;
  body: Buffer;
  contentType: string;
  /** The `id` of the e-mail, fresh for each case so that the lines of two requests cannot be confused. */
  id: number;
  /** What the handlers print for it, each an exact line. */
  printed: string[];
}

let lastId = 20_000 + Math.floor(Math.random() * 10_000);

/**
 * The reference e-mail as Postal posts it to an HTTP endpoint in `format` and `encoding` (as a
 * form, the attachment's content_type has its parameters and its size is text, as Postal writes
 * them), encoded by our own encoder exactly as Postal's Ruby does.
 */
export function inboundRequest(format: InboundFormat, encoding: InboundEncoding): InboundRequestCase {
  const id = ++lastId;
  if (format === 'raw') {
    const payload: Record<string, unknown> = { ...inboundRawSample(), id };
    const bytes = decode64(payload.message as string)?.length;
    return { name: `raw/${encoding}`, id, ...encodeInbound(payload, encoding), printed: [`Postal inbound raw e-mail ${id} for support@example.com: ${bytes} bytes`] };
  }
  const contentType = encoding === 'form' ? 'text/plain; charset=UTF-8; name=test.txt' : 'text/plain';
  const attachment = { filename: 'test.txt', content_type: contentType, size: encoding === 'form' ? '12' : 12, data: 'SGVsbG8gd29ybGQh\n' };
  const payload = { ...inboundHashSampleFor({ stripReplies: false, includeAttachments: true }), id, attachments: [attachment] };
  return {
    name: `hash/${encoding}`,
    id,
    ...encodeInbound(payload, encoding),
    printed: [`Postal inbound e-mail ${id} from John Doe <john@example.net>: Re: Your order #1234`, `Postal inbound e-mail ${id} attachment test.txt: 12 bytes of ${contentType}`],
  };
}

/** The four combinations Postal's endpoints offer. */
export function inboundRequests(): InboundRequestCase[] {
  return (['hash', 'raw'] as const).flatMap((format) => (['json', 'form'] as const).map((encoding) => inboundRequest(format, encoding)));
}

/** The body with the first digit of its `id` changed (the first key in every format and encoding). */
export function tampered(body: Buffer): Buffer {
  const text = body.toString('utf8');
  const changed = text.replace(/^(\{"id":|id=)(\d)/, (_match, key: string, digit: string) => `${key}${digit === '9' ? '8' : '9'}`);
  if (changed === text) throw new Error(`no id to tamper with in ${text.slice(0, 40)}`);
  return Buffer.from(changed, 'utf8');
}

/** A form body and what it stands for, as our own listener reads it. */
export interface FormReadingCase {
  name: string;
  body: string;
  expected: Record<string, unknown>;
}

function formCase(name: string, payload: Record<string, unknown>): FormReadingCase {
  const body = encodeInbound(payload, 'form').body.toString('utf8');
  const { value, format } = readFormBody(body);
  if (format === undefined) throw new Error(`${name} is not an inbound form`);
  return { name, body, expected: typedFormValue(value, format) };
}

/**
 * Form bodies with each rule of Postal's FormData encoding in them: Postal's own form for the
 * reference e-mail; nulls as bare keys and an empty envelope sender; two Reply-To headers, twelve
 * attachments (so that index 10 must come after 9) and text that needs escaping; a RawMessage.
 * `expected` is what the listener's form reader (src/core/inbound) makes of each.
 */
export function formReadingCases(): FormReadingCase[] {
  const reference = { ...inboundHashSampleFor({ stripReplies: false, includeAttachments: true }) };
  reference.attachments = [{ filename: 'test.txt', content_type: 'text/plain; charset=UTF-8; name=test.txt', size: '12', data: 'SGVsbG8gd29ybGQh\n' }];
  const nulls: Record<string, unknown> = { ...inboundHashSampleFor({ stripReplies: true, includeAttachments: false }), mail_from: '', bounce: true };
  for (const key of ['message_id', 'received_with_ssl', 'cc', 'in_reply_to', 'references', 'html_body', 'auto_submitted', 'reply_to', 'replies_from_plain_body']) nulls[key] = null;
  const files = Array.from({ length: 12 }, (_, index) => {
    const data = Buffer.from(`file ${index} ${'x'.repeat(index * 7)}`, 'utf8');
    return { filename: `file-${index}.txt`, content_type: 'text/plain; charset=UTF-8', size: String(data.length), data: encode64(data) };
  });
  const many = {
    ...inboundHashSampleFor({ stripReplies: false, includeAttachments: true }),
    subject: 'Café ☕ 1+1=2 & 100% <sure>; a=b',
    reply_to: ['Ann <ann@example.net>', 'Bob <bob+tag@example.net>'],
    attachment_quantity: files.length,
    attachments: files,
  };
  return [formCase('the reference e-mail as Postal sends it', reference), formCase('nulls and an empty sender', nulls), formCase('two Reply-To, twelve attachments, escapes', many), formCase('a RawMessage', inboundRawSample())];
}
