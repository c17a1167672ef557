import { type WebhookRecord } from '../../core/store';

/** Reads a whole record (headers and body) by id, from the history. */
export type RecordReader = (id: string) => WebhookRecord | undefined;

function isWholeRecord(value: unknown): value is WebhookRecord {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<WebhookRecord>;
  return typeof candidate.id === 'string' && typeof candidate.method === 'string' && Array.isArray(candidate.headers?.raw) && typeof candidate.body?.data === 'string';
}

function recordOf(value: unknown, read: RecordReader): WebhookRecord | undefined {
  if (isWholeRecord(value)) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  // A tree row carries the history entry, which has no headers or body: they are read from the history.
  const carried = (value as { record?: unknown }).record ?? value;
  if (isWholeRecord(carried)) return carried;
  const id = (carried as { id?: unknown }).id;
  return typeof id === 'string' ? read(id) : undefined;
}

/**
 * The records a command was run on. VS Code calls an item command with the clicked item and,
 * when several are selected, the whole selection as the second argument; tests and other
 * commands may pass a record, an item carrying one (`{ record }`), or an array of either.
 * Rows of the Events view carry history entries, whose whole records `read` finds.
 */
export function recordsFromArgs(first: unknown, second: unknown, read: RecordReader): WebhookRecord[] {
  const candidates = Array.isArray(second) && second.length > 0 ? second : Array.isArray(first) ? first : [first];
  const records: WebhookRecord[] = [];
  for (const candidate of candidates as unknown[]) {
    const record = recordOf(candidate, read);
    if (record !== undefined && !records.some((known) => known.id === record.id)) records.push(record);
  }
  return records;
}
