import { type ExplorerNode, type FieldNode } from '../core/explorer';
import { type WebhookRecord } from '../core/store';

/** Where item commands find their records: by id in the history, and the Events view's selection. */
export interface RecordSource {
  get(id: string): WebhookRecord | undefined;
  /** The rows selected in the Events view. */
  selection(): readonly ExplorerNode[];
}

function isRecord(value: unknown): value is WebhookRecord {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<WebhookRecord>;
  return typeof candidate.id === 'string' && typeof candidate.receivedAt === 'number' && Array.isArray(candidate.headers?.raw) && typeof candidate.body?.data === 'string';
}

/** A record from a record id, a record, or a tree row (or any object) that carries one as `record`. */
function recordOf(value: unknown, source: RecordSource): WebhookRecord | undefined {
  if (typeof value === 'string') return source.get(value);
  if (isRecord(value)) return value;
  const carried = typeof value === 'object' && value !== null ? (value as { record?: unknown }).record : undefined;
  return isRecord(carried) ? carried : undefined;
}

/**
 * The records an item command applies to. VS Code passes the clicked row and, with several
 * selected, the whole selection; from the palette or a key there is no argument, so the view's
 * selection is used. Tests and other commands may pass records, rows or record ids (or arrays).
 */
export function recordsFromArgs(source: RecordSource, first: unknown, second?: unknown): WebhookRecord[] {
  const candidates = Array.isArray(second) && second.length > 0 ? second : first === undefined ? source.selection() : Array.isArray(first) ? first : [first];
  const records: WebhookRecord[] = [];
  for (const candidate of candidates as unknown[]) {
    const record = recordOf(candidate, source);
    if (record !== undefined && !records.some((known) => known.id === record.id)) records.push(record);
  }
  return records;
}

/** The field row a field command applies to: the clicked one, else the first selected. */
export function fieldFromArgs(first: unknown, selection: readonly ExplorerNode[]): FieldNode | undefined {
  const candidate = (first ?? selection[0]) as Partial<ExplorerNode> | undefined;
  return candidate?.kind === 'field' ? (candidate as FieldNode) : undefined;
}
