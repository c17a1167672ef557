import { type WebhookRecord } from './record';

/** A record's size in memory, roughly: what a history without a file counts against its byte limit. */
export function estimateBytes(record: WebhookRecord): number {
  let bytes = 1024 + record.body.data.length + record.response.body.length;
  for (const [name, value] of record.headers.raw) bytes += name.length + value.length + 8;
  if (record.forward?.outcome === 'response') bytes += record.forward.body.data.length;
  return bytes;
}
