import { type ExplorerNode, type FieldNode } from '../../core/explorer';
import { type WebhookRecord } from '../../core/store';
import { type HistoryService } from '../listener/historyService';

function isRecordLike(value: unknown): value is WebhookRecord {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<WebhookRecord>;
  return typeof candidate.id === 'string' && typeof candidate.receivedAt === 'number' && typeof candidate.body === 'object';
}

/** A record from a tree node, a record, or a record id (tests and other commands pass those). */
function recordOf(value: unknown, history: HistoryService): WebhookRecord | undefined {
  if (typeof value === 'string') return history.store.get(value);
  if (isRecordLike(value)) return value;
  const node = value as Partial<ExplorerNode> | undefined;
  if (node?.kind === 'record') return node.record;
  return undefined;
}

/**
 * The records an item command applies to. VS Code passes the clicked row and, with several
 * selected, the whole selection; from the palette or a key there is no argument, so the view's
 * selection is used.
 */
export function recordsFromArgs(history: HistoryService, first: unknown, second: unknown, selection: readonly ExplorerNode[]): WebhookRecord[] {
  const candidates = Array.isArray(second) && second.length > 0 ? second : first === undefined ? selection : Array.isArray(first) ? first : [first];
  const records: WebhookRecord[] = [];
  for (const candidate of candidates as unknown[]) {
    const record = recordOf(candidate, history);
    if (record !== undefined && !records.some((known) => known.id === record.id)) records.push(record);
  }
  return records;
}

export function fieldFromArgs(first: unknown, selection: readonly ExplorerNode[]): FieldNode | undefined {
  const candidate = (first ?? selection[0]) as Partial<ExplorerNode> | undefined;
  return candidate?.kind === 'field' ? (candidate as FieldNode) : undefined;
}
