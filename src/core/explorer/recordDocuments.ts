import { type RecordBasics, type StoredBody, type WebhookRecord } from '../store';
import { isJsonObject } from './envelopeFields';

/** Whether the body is whole JSON text, so that its event document is JSON; known without reading the body. */
export function hasJsonBody(record: RecordBasics): boolean {
  return record.parse.status === 'json' && record.body.encoding === 'utf8' && !record.body.truncated;
}

/** The envelope pretty-printed (2 spaces), or undefined when the body is not a whole JSON object. */
export function prettyEnvelope(record: WebhookRecord): string | undefined {
  if (!hasJsonBody(record)) return undefined;
  try {
    const value: unknown = JSON.parse(record.body.data);
    return isJsonObject(value) ? `${JSON.stringify(value, null, 2)}\n` : undefined;
  } catch {
    return undefined;
  }
}

/** What the event document shows: the pretty envelope, or the body as it came when it is not JSON. */
export function eventDocumentText(record: WebhookRecord): string {
  return prettyEnvelope(record) ?? bodyText(record.body);
}

function bodyText(body: StoredBody): string {
  if (body.size === 0) return '';
  const cut = body.truncated ? `\n… (${body.size - Buffer.byteLength(body.data, body.encoding === 'base64' ? 'base64' : 'utf8')} more bytes not kept)` : '';
  return body.encoding === 'utf8' ? `${body.data}${cut}` : `(binary body, base64)\n${body.data}${cut}`;
}
