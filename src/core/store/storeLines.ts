import { LINE_VERSION, type StoredRecord } from './lineSchema';
import { type RecordHeaders, type RecordUpdate, type WebhookRecord } from './record';

/**
 * Each function returns one line as text, newline included.
 *
 * The history file holds one JSON object per line, each with the format version `v`:
 * `{"v":2,"type":"record","record":{…}}` for a received request (without `headers.map`, which
 * is rebuilt from `headers.raw`), `{"v":2,"type":"update","id":…,"forward":{…},"signature":{…}}`
 * for what changed after the answer (a forward result, a signature checked again; each update
 * line holds every change so far, so only the latest one counts), and
 * `{"v":2,"type":"delete","ids":[…]}` for deleted records. Records are never rewritten in place;
 * a compaction copies the live lines to a new file.
 */
export function recordLine(record: WebhookRecord): string {
  return `{"v":${LINE_VERSION},"type":"record","record":${JSON.stringify({ ...record, headers: { raw: record.headers.raw } })}}\n`;
}

export function updateLine(id: string, update: RecordUpdate): string {
  return `${JSON.stringify({ v: LINE_VERSION, type: 'update', id, ...update })}\n`;
}

export function deleteLine(ids: readonly string[]): string {
  return `${JSON.stringify({ v: LINE_VERSION, type: 'delete', ids })}\n`;
}

/** A stored record with its header map rebuilt and its late update merged. */
export function recordFromStored(stored: StoredRecord, update?: RecordUpdate): WebhookRecord {
  const record: WebhookRecord = { ...stored, headers: { raw: stored.headers.raw, map: headerMap(stored.headers.raw) } };
  if (update?.forward !== undefined) record.forward = update.forward;
  if (update?.signature !== undefined) record.signature = update.signature;
  return record;
}

/** Lower-cased names, repeated headers joined with ", " as Node does. */
export function headerMap(raw: readonly (readonly [string, string])[]): RecordHeaders['map'] {
  const map: Record<string, string> = {};
  for (const [name, value] of raw) {
    const lower = name.toLowerCase();
    const previous = Object.hasOwn(map, lower) ? map[lower] : undefined;
    const joined = previous === undefined ? value : `${previous}, ${value}`;
    // A header named "__proto__" must stay a plain entry, not set the object's prototype.
    if (lower === '__proto__') Object.defineProperty(map, lower, { value: joined, enumerable: true, writable: true, configurable: true });
    else map[lower] = joined;
  }
  return map;
}
