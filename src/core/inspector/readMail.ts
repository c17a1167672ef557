import { readFormBody } from '../inbound/formBody';
import { typedFormValue } from '../inbound/formTypes';
import { type InboundEncoding, type InboundFormat } from '../inbound/inboundFormat';
import { type ParsedMail, parseInboundMail } from '../inbound/parsedMail';
import { isPlainObject } from '../jsonValue';
import { type WebhookRecord } from '../store';

/** An inbound e-mail request read back as the mail it carries. */
export interface RecordMail {
  format: InboundFormat;
  encoding: InboundEncoding;
  /** The body as the JSON encoding has it (a form's text values typed back), for the envelope fields. */
  value: Record<string, unknown>;
  mail: ParsedMail;
}

export type RecordMailResult = { ok: true; read: RecordMail } | { ok: false; problem: string };

/**
 * The mail in a stored inbound request: its body parsed as it came (JSON, or a form with its
 * values typed as JSON has them), then read as a reader sees the mail (`parseInboundMail`; a
 * RawMessage's MIME through postal-mime). Never rejects: what cannot be read is said in words.
 */
export async function readRecordMail(record: WebhookRecord): Promise<RecordMailResult> {
  const inbound = record.inbound;
  if (record.kind !== 'inbound' || inbound === undefined) return { ok: false, problem: 'This request is not an inbound e-mail.' };
  if (record.body.truncated) return { ok: false, problem: `Only part of this request's ${record.body.size.toLocaleString('en-US')} bytes was kept, so its mail cannot be read.` };
  const text = record.body.encoding === 'base64' ? Buffer.from(record.body.data, 'base64').toString('utf8') : record.body.data;
  const value = parsedBody(text, inbound.encoding, inbound.format);
  if (value === undefined) return { ok: false, problem: `The body is not ${inbound.encoding === 'json' ? 'a JSON object' : 'a form'}, so its mail cannot be read.` };
  try {
    return { ok: true, read: { format: inbound.format, encoding: inbound.encoding, value, mail: await parseInboundMail(value, inbound.format) } };
  } catch (error) {
    return { ok: false, problem: `The mail cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function parsedBody(text: string, encoding: InboundEncoding, format: InboundFormat): Record<string, unknown> | undefined {
  if (encoding === 'form') return typedFormValue(readFormBody(text).value, format);
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
