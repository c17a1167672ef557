import { type ExplorerNode, type FieldNode } from '../core/explorer';
import { type HistoryEntry, type WebhookRecord } from '../core/store';

/** Where item commands find their records: in the history by id, and the Events view's selection. */
export interface RecordSource {
  /** The history's summary of a request (what rows show). */
  get(id: string): HistoryEntry | undefined;
  /** The whole request, headers and body, read back from the history file. */
  read(id: string): WebhookRecord | undefined;
  /** The rows selected in the Events view. */
  selection(): readonly ExplorerNode[];
}

function isWholeRecord(value: unknown): value is WebhookRecord {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<WebhookRecord>;
  return typeof candidate.id === 'string' && typeof candidate.receivedAt === 'number' && Array.isArray(candidate.headers?.raw) && typeof candidate.body?.data === 'string';
}

/** What a command was given, unwrapped from a tree row: a record id, a record or entry, or nothing usable. */
function targetOf(value: unknown): string | object | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  // A tree row, or any object, that carries its record as `record`.
  const carried = (value as { record?: unknown }).record;
  if (typeof carried === 'object' && carried !== null) return targetOf(carried);
  // A record or entry (tests and other commands pass those): it has a time as well as an id.
  const candidate = value as { id?: unknown; receivedAt?: unknown };
  return typeof candidate.id === 'string' && typeof candidate.receivedAt === 'number' ? value : undefined;
}

/**
 * VS Code passes the clicked row and, with several selected, the whole selection; from the
 * palette or a key there is no argument, so the view's selection is used. Tests and other
 * commands may pass records, entries, rows or record ids (or arrays of them).
 */
function candidatesOf(source: RecordSource, first: unknown, second: unknown): unknown[] {
  if (Array.isArray(second) && second.length > 0) return second as unknown[];
  if (first === undefined) return [...source.selection()];
  return Array.isArray(first) ? (first as unknown[]) : [first];
}

/** What each candidate names, once per record id: an id to look up, or a whole record given. */
function targetsOf(source: RecordSource, first: unknown, second: unknown): (string | WebhookRecord)[] {
  const seen = new Set<string>();
  const targets: (string | WebhookRecord)[] = [];
  for (const candidate of candidatesOf(source, first, second)) {
    const target = targetOf(candidate);
    if (target === undefined) continue;
    const id = typeof target === 'string' ? target : (target as { id: string }).id;
    if (seen.has(id)) continue;
    seen.add(id);
    targets.push(isWholeRecord(target) ? target : id);
  }
  return targets;
}

/** The history entries an item command applies to; only what is still in the history counts. */
export function entriesFromArgs(source: RecordSource, first: unknown, second?: unknown): HistoryEntry[] {
  return targetsOf(source, first, second)
    .map((target) => source.get(typeof target === 'string' ? target : target.id))
    .filter((entry): entry is HistoryEntry => entry !== undefined);
}

/**
 * The whole records an item command applies to (replay, export): a whole record passed in is
 * used as it is; rows, entries and ids are read back from the history file, once each.
 */
export function recordsFromArgs(source: RecordSource, first: unknown, second?: unknown): WebhookRecord[] {
  return targetsOf(source, first, second)
    .map((target) => (typeof target === 'string' ? source.read(target) : target))
    .filter((record): record is WebhookRecord => record !== undefined);
}

/** The field row a field command applies to: the clicked one, else the first selected. */
export function fieldFromArgs(first: unknown, selection: readonly ExplorerNode[]): FieldNode | undefined {
  const candidate = (first ?? selection[0]) as Partial<ExplorerNode> | undefined;
  return candidate?.kind === 'field' ? (candidate as FieldNode) : undefined;
}
