import { type WebhookRecord } from '../../core/store';

function isRecord(value: unknown): value is WebhookRecord {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<WebhookRecord>;
  return typeof candidate.id === 'string' && typeof candidate.method === 'string' && Array.isArray(candidate.headers?.raw) && typeof candidate.body?.data === 'string';
}

function recordOf(value: unknown): WebhookRecord | undefined {
  if (isRecord(value)) return value;
  // A tree item that carries its record.
  const carried = typeof value === 'object' && value !== null ? (value as { record?: unknown }).record : undefined;
  return isRecord(carried) ? carried : undefined;
}

/**
 * The records a command was run on. VS Code calls an item command with the clicked item and,
 * when several are selected, the whole selection as the second argument; tests and other
 * commands may pass a record, an item carrying one (`{ record }`), or an array of either.
 */
export function recordsFromArgs(first: unknown, second?: unknown): WebhookRecord[] {
  const candidates = Array.isArray(second) && second.length > 0 ? second : Array.isArray(first) ? first : [first];
  const records: WebhookRecord[] = [];
  for (const candidate of candidates as unknown[]) {
    const record = recordOf(candidate);
    if (record !== undefined && !records.some((known) => known.id === record.id)) records.push(record);
  }
  return records;
}
