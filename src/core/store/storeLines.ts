import { isPlainObject } from '../jsonValue';
import { type RecordHeaders, type RecordUpdate, type WebhookRecord } from './record';

/**
 * One line of the history file. A record line leaves out `headers.map` (it is rebuilt from
 * `headers.raw` on load): a third less to serialize and write for every request.
 */
export type StoreLine = { type: 'record'; record: WebhookRecord } | ({ type: 'update'; id: string } & RecordUpdate);

/** A record as a file line, newline included, ready to write. */
export function recordLine(record: WebhookRecord): Buffer {
  const stored = { ...record, headers: { raw: record.headers.raw } };
  return Buffer.from(`{"type":"record","record":${JSON.stringify(stored)}}\n`, 'utf8');
}

export function updateLine(id: string, update: RecordUpdate): Buffer {
  return Buffer.from(`${JSON.stringify({ type: 'update', id, ...update })}\n`, 'utf8');
}

/** The record from a parsed record line, or undefined if the value is not one. */
export function recordFromLine(value: unknown): WebhookRecord | undefined {
  if (!isPlainObject(value) || value.type !== 'record' || !isPlainObject(value.record)) return undefined;
  const record = value.record;
  if (typeof record.id !== 'string' || typeof record.receivedAt !== 'number' || !isPlainObject(record.headers) || !Array.isArray(record.headers.raw)) return undefined;
  const raw = record.headers.raw as [string, string][];
  return { ...(record as unknown as WebhookRecord), headers: { raw, map: headerMap(raw) } };
}

/** The update from a parsed update line, or undefined if the value is not one. */
export function updateFromLine(value: unknown): { id: string; update: RecordUpdate } | undefined {
  if (!isPlainObject(value) || value.type !== 'update' || typeof value.id !== 'string') return undefined;
  return { id: value.id, update: { forward: value.forward as RecordUpdate['forward'] } };
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
