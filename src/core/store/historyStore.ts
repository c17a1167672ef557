import { Emitter, type Event } from '../emitter';
import { type Logger, silentLogger } from '../logger';
import { type JsonlAppender } from './jsonlFile';
import { recordLine, updateLine } from './storeLines';
import { type RecordUpdate, type WebhookRecord } from './record';

/** How many records a history keeps unless told otherwise. */
export const DEFAULT_MAX_RECORDS = 1000;

/** What changed, so a view can refresh only what it must. */
export type StoreChange =
  | { type: 'added'; record: WebhookRecord; evicted: string[] }
  | { type: 'updated'; record: WebhookRecord }
  | { type: 'deleted'; ids: string[] }
  | { type: 'cleared' };

/** The first and the latest request seen with one envelope `uuid`. */
export interface EnvelopeSighting {
  count: number;
  firstId: string;
}

/**
 * The bounded request history the listener writes and the views read. Memory is the source
 * of truth and changes synchronously; a file-backed store also appends every change to disk
 * and the promises of `add`/`update` resolve once it is written.
 */
export interface WebhookStore {
  readonly maxRecords: number;
  readonly size: number;
  /** The file behind the store, if any. */
  readonly path: string | undefined;
  /** Stores a record (evicting the oldest beyond `maxRecords`); resolves once it is on disk. */
  add(record: WebhookRecord): Promise<void>;
  /** Merges a late result (a forward) into a stored record; a no-op if it is gone. */
  update(id: string, update: RecordUpdate): Promise<void>;
  get(id: string): WebhookRecord | undefined;
  /** Newest first. */
  list(): WebhookRecord[];
  /** Whether an envelope `uuid` was seen before (Postal retries reuse it). */
  sighting(uuid: string): EnvelopeSighting | undefined;
  /** Removes records; resolves to how many were removed. */
  delete(ids: readonly string[]): Promise<number>;
  clear(): Promise<void>;
  /** Records (all, or the given ids) oldest first, as JSONL (one record per line) or a JSON array. */
  export(ids?: readonly string[], format?: 'jsonl' | 'json'): string;
  readonly onDidChange: Event<StoreChange>;
  /** Resolves once every change so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** The bounded history itself; `openFileStore` / `createMemoryStore` build it. */
export class HistoryStore implements WebhookStore {
  private readonly records = new Map<string, WebhookRecord>();
  /** Ids per envelope uuid, oldest first. */
  private readonly byUuid = new Map<string, string[]>();
  /** Each record's file line (off the JS heap), kept so a compaction serializes nothing again. */
  private readonly lines = new Map<string, Buffer>();
  /** Ids in insertion order from `head` on, to find the oldest without walking the Map's holes. */
  private order: string[] = [];
  private head = 0;
  private readonly changes: Emitter<StoreChange>;
  private appender: JsonlAppender | undefined;
  readonly onDidChange: Event<StoreChange>;

  constructor(
    readonly maxRecords: number,
    readonly path: string | undefined,
    private readonly logger: Logger = silentLogger,
  ) {
    this.changes = new Emitter((error) => this.logger.error(`a history listener failed: ${String(error)}`));
    this.onDidChange = this.changes.event;
  }

  /** Connects the file writer once the loaded records are in (see `openFileStore`). */
  attach(appender: JsonlAppender): void {
    this.appender = appender;
  }

  /** Puts a record loaded from disk in place, without writing or notifying. */
  load(record: WebhookRecord): void {
    this.insert(record);
  }

  get size(): number {
    return this.records.size;
  }

  add(record: WebhookRecord): Promise<void> {
    const evicted = this.insert(record);
    if (this.changes.hasListeners) this.changes.fire({ type: 'added', record, evicted });
    if (this.appender === undefined) return Promise.resolve();
    const line = recordLine(record);
    this.lines.set(record.id, line);
    return this.appender.append(line);
  }

  update(id: string, update: RecordUpdate): Promise<void> {
    const record = this.records.get(id);
    if (record === undefined) return Promise.resolve();
    Object.assign(record, update);
    this.changes.fire({ type: 'updated', record });
    if (this.appender === undefined) return Promise.resolve();
    if (this.lines.has(id)) this.lines.set(id, recordLine(record));
    return this.appender.append(updateLine(id, update));
  }

  get(id: string): WebhookRecord | undefined {
    return this.records.get(id);
  }

  list(): WebhookRecord[] {
    return [...this.records.values()].reverse();
  }

  sighting(uuid: string): EnvelopeSighting | undefined {
    const ids = this.byUuid.get(uuid);
    return ids === undefined ? undefined : { count: ids.length, firstId: ids[0] };
  }

  async delete(ids: readonly string[]): Promise<number> {
    const removed = ids.filter((id) => this.remove(id));
    if (removed.length === 0) return 0;
    this.changes.fire({ type: 'deleted', ids: removed });
    await this.appender?.compact();
    return removed.length;
  }

  async clear(): Promise<void> {
    this.records.clear();
    this.byUuid.clear();
    this.lines.clear();
    this.order = [];
    this.head = 0;
    this.changes.fire({ type: 'cleared' });
    await this.appender?.compact();
  }

  export(ids?: readonly string[], format: 'jsonl' | 'json' = 'jsonl'): string {
    const wanted = ids === undefined ? undefined : new Set(ids);
    const records = [...this.records.values()].filter((record) => wanted === undefined || wanted.has(record.id));
    if (format === 'json') return JSON.stringify(records, null, 2);
    return records.map((record) => JSON.stringify(record) + '\n').join('');
  }

  /** Every record as a file line, oldest first: what a compaction writes. */
  snapshotLines(): Buffer[] {
    return [...this.records.values()].map((record) => this.lines.get(record.id) ?? recordLine(record));
  }

  async flush(): Promise<void> {
    await this.appender?.flush();
  }

  async close(): Promise<void> {
    await this.appender?.close();
    this.appender = undefined;
    this.changes.dispose();
  }

  private insert(record: WebhookRecord): string[] {
    if (this.records.has(record.id)) {
      // The same id again (a record line repeated in a file): the later copy wins, nothing moves.
      this.records.set(record.id, record);
      return [];
    }
    this.records.set(record.id, record);
    if (record.uuid !== undefined) {
      const ids = this.byUuid.get(record.uuid);
      if (ids === undefined) this.byUuid.set(record.uuid, [record.id]);
      else ids.push(record.id);
    }
    this.order.push(record.id);
    const evicted: string[] = [];
    while (this.records.size > this.maxRecords && this.head < this.order.length) {
      const oldest = this.order[this.head++];
      // Ids deleted by hand are still in `order`; they are skipped here.
      if (this.remove(oldest)) evicted.push(oldest);
    }
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
    return evicted;
  }

  private remove(id: string): boolean {
    const record = this.records.get(id);
    if (record === undefined) return false;
    this.records.delete(id);
    this.lines.delete(id);
    const ids = record.uuid === undefined ? undefined : this.byUuid.get(record.uuid);
    if (ids !== undefined && record.uuid !== undefined) {
      // Eviction removes the oldest, which is first: shift() is constant time there.
      if (ids[0] === id) ids.shift();
      else if (ids.includes(id)) ids.splice(ids.indexOf(id), 1);
      if (ids.length === 0) this.byUuid.delete(record.uuid);
    }
    return true;
  }
}

