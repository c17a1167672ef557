import { type HistoryEntry, type StoreChange } from '../store';
import { type EventFilter, filterPredicate, isFilterActive } from './eventFilter';
import { ID_KEY_PREFIX } from './inboundRows';
import { type RecordSummary, summarize, type Thread } from './recordSummary';

/** How the Events view arranges records. */
export type Grouping = 'type' | 'message' | 'time';

export const GROUPINGS: Record<Grouping, { label: string; detail: string }> = {
  type: { label: 'Event Type', detail: 'MessageSent, MessageBounced, … with a count each' },
  message: { label: 'Message', detail: 'each message’s events in order: sent → opened → clicked → bounced' },
  time: { label: 'Time', detail: 'one list, newest first' },
};

/** A group row: an event type, a message (or domain / server), newest group first. */
export interface EventGroup {
  readonly id: string;
  readonly grouping: Grouping;
  readonly key: string;
  /** For by-message groups: what the group is about. */
  readonly thread?: Thread;
  /** Newest first, as collected. */
  readonly newestFirst: RecordSummary[];
}

/** The tree for one grouping and filter, computed once per change (see {@link ExplorerModel.view}). */
export interface ExplorerView {
  readonly grouping: Grouping;
  /** Groups in display order; empty for the flat `time` grouping. */
  readonly groups: readonly EventGroup[];
  /** Every matching record, newest first (the `time` grouping's rows). */
  readonly records: readonly RecordSummary[];
  /** Records in the history, whether they match or not. */
  readonly total: number;
  groupOf(recordId: string): EventGroup | undefined;
  group(id: string): EventGroup | undefined;
}

/**
 * The Events view's model, free of `vscode` so it can be tested and benchmarked in plain Node.
 * It mirrors the store (`reset` + `apply` of each `StoreChange`), summarises each record once,
 * and builds the grouped, filtered view on demand, cached until the next change.
 */
export class ExplorerModel {
  private readonly summaries = new Map<string, RecordSummary>();
  private newestFirst: RecordSummary[] | undefined;
  /** Set when restored records were added at the end, until the summaries are put in arrival order. */
  private unsorted = false;
  private version = 0;
  private cache: { key: string; view: ExplorerView } | undefined;

  get size(): number {
    return this.summaries.size;
  }

  /** Replaces everything with `records` (newest first, as `store.list()` returns them). */
  reset(records: readonly HistoryEntry[]): void {
    this.summaries.clear();
    this.unsorted = false;
    for (let index = records.length - 1; index >= 0; index--) this.summaries.set(records[index].id, summarize(records[index]));
    this.changed();
  }

  apply(change: StoreChange): void {
    switch (change.type) {
      case 'added':
        for (const id of change.evicted) this.summaries.delete(id);
        this.summaries.set(change.record.id, summarize(change.record));
        break;
      case 'updated':
        if (this.summaries.has(change.record.id)) this.summaries.set(change.record.id, summarize(change.record));
        break;
      case 'deleted':
        for (const id of change.ids) this.summaries.delete(id);
        break;
      case 'restored':
        for (const id of change.evicted) this.summaries.delete(id);
        for (const record of change.records) this.summaries.set(record.id, summarize(record));
        this.unsorted = true;
        break;
      case 'cleared':
        this.summaries.clear();
        break;
    }
    this.changed();
  }

  get(id: string): RecordSummary | undefined {
    return this.summaries.get(id);
  }

  /** The view for a grouping and filter at time `now` (which only matters for a time window). */
  view(grouping: Grouping, filter: EventFilter, now: number): ExplorerView {
    const minute = filter.window === 'all' ? '' : String(Math.floor(now / 60_000));
    const key = `${this.version}|${grouping}|${minute}|${isFilterActive(filter) ? JSON.stringify(filter) : ''}`;
    if (this.cache?.key !== key) this.cache = { key, view: buildView(this.ordered(), grouping, filter, now, this.summaries.size) };
    return this.cache.view;
  }

  private ordered(): RecordSummary[] {
    if (this.unsorted) {
      // Restored records came in last but belong among the others: ids sort by arrival.
      const sorted = [...this.summaries.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      this.summaries.clear();
      for (const [id, summary] of sorted) this.summaries.set(id, summary);
      this.unsorted = false;
    }
    this.newestFirst ??= [...this.summaries.values()].reverse();
    return this.newestFirst;
  }

  private changed(): void {
    this.version++;
    this.newestFirst = undefined;
    this.cache = undefined;
  }
}

function buildView(newestFirst: readonly RecordSummary[], grouping: Grouping, filter: EventFilter, now: number, total: number): ExplorerView {
  const matches = filterPredicate(filter, now);
  const records = isFilterActive(filter) ? newestFirst.filter(matches) : newestFirst;
  const byId = new Map<string, EventGroup>();
  const byRecord = new Map<string, EventGroup>();
  if (grouping !== 'time') {
    const threadOf = grouping === 'message' ? joinedThreads(records) : undefined;
    for (const summary of records) {
      const thread = threadOf?.(summary) ?? summary.thread;
      const key = grouping === 'type' ? summary.typeKey : `${thread.kind}:${thread.key}`;
      const id = `group:${grouping}:${key}`;
      let group = byId.get(id);
      if (group === undefined) {
        group = grouping === 'type' ? { id, grouping, key, newestFirst: [] } : { id, grouping, key, thread, newestFirst: [] };
        byId.set(id, group);
      }
      group.newestFirst.push(summary);
    }
  }
  // Records come newest first, so groups are created in the order of their newest record.
  const groups = [...byId.values()];
  return {
    grouping,
    groups,
    records,
    total,
    group: (id) => byId.get(id),
    groupOf(recordId) {
      if (grouping === 'time') return undefined;
      if (byRecord.size === 0) for (const group of groups) for (const summary of group.newestFirst) byRecord.set(summary.record.id, group);
      return byRecord.get(recordId);
    },
  };
}

/**
 * The thread each record belongs to by message. A RawMessage has no token, only Postal's message
 * id: it joins the incoming message with that id which has a token (its webhooks, or the same mail
 * in the Hash format), so that one incoming mail is one group. Messages Postal sent never join.
 */
function joinedThreads(records: readonly RecordSummary[]): (summary: RecordSummary) => Thread | undefined {
  const byMessageId = new Map<string, Thread>();
  for (const { thread } of records) {
    if (thread.kind === 'message' && thread.incoming === true && thread.messageId !== undefined && !thread.key.startsWith(ID_KEY_PREFIX) && !byMessageId.has(thread.messageId)) {
      byMessageId.set(thread.messageId, thread);
    }
  }
  if (byMessageId.size === 0) return () => undefined;
  return ({ thread }) => (thread.kind === 'message' && thread.key.startsWith(ID_KEY_PREFIX) ? byMessageId.get(thread.key.slice(ID_KEY_PREFIX.length)) : undefined);
}
