import { type ExplorerNode, type FieldNode } from '../../core/explorer';
import { type HistoryEntry } from '../../core/store';
import { type HistoryService } from '../listener/historyService';

/** The id of what a command was given: a tree node, a record or entry, or a record id. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const node = value as Partial<ExplorerNode> & { id?: unknown };
  if (node.kind === 'record') return node.record?.id;
  // A record or entry (tests and other commands pass those): it has a time as well as an id.
  return typeof node.id === 'string' && typeof (value as { receivedAt?: unknown }).receivedAt === 'number' ? node.id : undefined;
}

/**
 * The history entries an item command applies to. VS Code passes the clicked row and, with
 * several selected, the whole selection; from the palette or a key there is no argument, so the
 * view's selection is used. Only what is still in the history counts.
 */
export function recordsFromArgs(history: HistoryService, first: unknown, second: unknown, selection: readonly ExplorerNode[]): HistoryEntry[] {
  const candidates = Array.isArray(second) && second.length > 0 ? second : first === undefined ? selection : Array.isArray(first) ? first : [first];
  const entries: HistoryEntry[] = [];
  for (const candidate of candidates as unknown[]) {
    const id = idOf(candidate);
    const entry = id === undefined ? undefined : history.store.get(id);
    if (entry !== undefined && !entries.includes(entry)) entries.push(entry);
  }
  return entries;
}

export function fieldFromArgs(first: unknown, selection: readonly ExplorerNode[]): FieldNode | undefined {
  const candidate = (first ?? selection[0]) as Partial<ExplorerNode> | undefined;
  return candidate?.kind === 'field' ? (candidate as FieldNode) : undefined;
}
