import { type StoredBody, withoutHopByHopHeaders } from '../http';
import { type RecordBasics, type WebhookRecord } from '../store';
import { type PostalRequest } from './postalRequest';

export type RecordRequestResult = { ok: true; request: PostalRequest } | { ok: false; problem: string };

/** The bytes of a stored body, or why they are not all there. */
export function recordBodyBytes(body: StoredBody): Buffer | string {
  if (body.truncated) return `Only the first ${body.data.length} of ${body.size} bytes of this request were kept, so it cannot be sent again as it was.`;
  return Buffer.from(body.data, body.encoding === 'base64' ? 'base64' : 'utf8');
}

/**
 * A captured request, to send again exactly as it came: the same body bytes and the same headers
 * in the same order and case (the signature headers included, so a signature that was valid
 * still is), only to `url` and without the connection headers.
 */
export function requestFromRecord(record: WebhookRecord, url: string): RecordRequestResult {
  if (record.kind === 'too-large') return { ok: false, problem: 'This request was too large to keep, so it cannot be sent again.' };
  const body = recordBodyBytes(record.body);
  if (typeof body === 'string') return { ok: false, problem: body };
  return { ok: true, request: { method: 'POST', url, headers: withoutHopByHopHeaders(record.headers.raw), body } };
}

/** A short name for a record in lists and titles: `MessageSent 8a3f0c6e`, `inbound hash/json 4711`. */
export function recordLabel(record: RecordBasics): string {
  const inbound = record.inbound === undefined ? undefined : `inbound ${record.inbound.format}/${record.inbound.encoding} ${record.inbound.id ?? '?'}`;
  const what = record.event ?? inbound ?? `${record.method} ${record.path}`;
  return record.uuid === undefined ? what : `${what} ${record.uuid.slice(0, 8)}`;
}
