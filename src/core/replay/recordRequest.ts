import { type StoredBody, withoutHopByHopHeaders } from '../http';
import { safeText } from '../safeText';
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

/**
 * A short name for a record in lists, titles, notifications and export comments:
 * `MessageSent 8a3f0c6e`, `inbound hash/json 4711`. Its parts came with the request, so control
 * characters are escaped (a newline would start a line of its own in an exported shell script)
 * and `](` is broken up (notifications turn `[text](command:…)` into a link that runs a command).
 */
export function recordLabel(record: RecordBasics): string {
  const inbound = record.inbound === undefined ? undefined : `inbound ${record.inbound.format}/${record.inbound.encoding} ${record.inbound.id ?? '?'}`;
  const what = record.event ?? inbound ?? `${record.method} ${record.path}`;
  const label = record.uuid === undefined ? what : `${what} ${record.uuid.slice(0, 8)}`;
  return safeText(label).replace(/\]\(/g, '] (');
}
