import { Emitter, type Event } from '../emitter';
import { type Logger, silentLogger } from '../logger';
import { type BodyFacts, recordFacts } from './bodyFacts';
import { type Loc } from './copyRanges';
import { entryOf, forwardSummary, type HistoryEntry } from './entry';
import { type HistoryFile } from './historyFile';
import { type EnvelopeSighting, HistoryIndex, type Slot } from './historyIndex';
import { type HistoryLock } from './historyLock';
import { fileBounds, type HistoryLimits } from './limits';
import { parseHistoryLine } from './lineSchema';
import { estimateBytes } from './recordSize';
import { type RecordUpdate, type WebhookRecord } from './record';
import { deleteLine, recordFromStored, recordLine, updateLine } from './storeLines';
import { describeFileError, HistoryWriteError } from './writeProblem';

/** What changed, so a view can refresh only what it must. */
export type StoreChange =
  | { type: 'added'; record: HistoryEntry; evicted: string[] }
  | { type: 'updated'; record: HistoryEntry }
  | { type: 'deleted'; ids: string[] }
  /** Records deleted earlier and put back in their places (an undone delete); `evicted` made room. */
  | { type: 'restored'; records: HistoryEntry[]; evicted: string[] }
  | { type: 'cleared' };

/**
 * The bounded request history the listener writes and the views read. Memory holds an entry
 * per record (see `HistoryEntry`); a history in a file keeps headers and bodies only there and
 * reads them back on `read`. A record is taken in only once it is written: `add` resolves then,
 * and rejects with a {@link HistoryWriteError} when it could not be, which leaves nothing of it.
 */
export interface WebhookStore {
  readonly limits: HistoryLimits;
  readonly size: number;
  /** Bytes the records take (their lines in the file). */
  readonly bytes: number;
  /** The file behind the store, if any. */
  readonly path: string | undefined;
  /**
   * Stores a record (evicting the oldest beyond the limits); resolves with its entry once it is
   * on disk. `facts`: the body's, when the caller parsed it already (else they are found here).
   */
  add(record: WebhookRecord, facts?: BodyFacts): Promise<HistoryEntry>;
  /** Merges a late result (a forward) into a stored record; a no-op if it is gone. */
  update(id: string, update: RecordUpdate): Promise<void>;
  get(id: string): HistoryEntry | undefined;
  /** Newest first. */
  list(): HistoryEntry[];
  /** The whole record, headers and bodies included; undefined if it is gone or its line cannot be read back. */
  read(id: string): WebhookRecord | undefined;
  /** Whether an envelope `uuid` was seen before (Postal retries reuse it). */
  sighting(uuid: string): EnvelopeSighting | undefined;
  /** Removes records; resolves to how many were removed. */
  delete(ids: readonly string[]): Promise<number>;
  /**
   * Puts whole records back (read before a delete), each in its place by arrival, as if never
   * deleted; records still in the history are skipped. Resolves to how many were put back.
   */
  restore(records: readonly WebhookRecord[]): Promise<number>;
  clear(): Promise<void>;
  /** Records (all, or the given ids) oldest first, as JSONL (one record per line) or a JSON array. */
  export(ids?: readonly string[], format?: 'jsonl' | 'json'): string;
  /** Why the history cannot be written right now (the last write failed), or undefined. */
  readonly writeProblem: string | undefined;
  readonly onDidChange: Event<StoreChange>;
  readonly onDidChangeWriteProblem: Event<string | undefined>;
  /** Resolves once every change so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** The history itself; `openFileStore` / `createMemoryStore` build it. */
export class HistoryStore implements WebhookStore {
  readonly index: HistoryIndex;
  private file: HistoryFile | undefined;
  private lock: HistoryLock | undefined;
  private readonly changes: Emitter<StoreChange>;
  private readonly problems: Emitter<string | undefined>;
  private problem: { message: string; refused: number } | undefined;
  /** Update lines written but not yet in the file, per record: the next update builds on them. */
  private readonly pendingUpdates = new Map<string, RecordUpdate>();
  private readonly maxLineBytes: number;
  readonly onDidChange: Event<StoreChange>;
  readonly onDidChangeWriteProblem: Event<string | undefined>;

  constructor(
    readonly limits: HistoryLimits,
    readonly path: string | undefined,
    private readonly logger: Logger = silentLogger,
  ) {
    this.index = new HistoryIndex(limits);
    this.maxLineBytes = fileBounds(limits).maxLineBytes;
    const onListenerError = (error: unknown): void => this.logger.error(`a history listener failed: ${String(error)}`);
    this.changes = new Emitter(onListenerError);
    this.problems = new Emitter(onListenerError);
    this.onDidChange = this.changes.event;
    this.onDidChangeWriteProblem = this.problems.event;
  }

  /** Connects the file (and its lock) once the loaded records are in (see `openFileStore`). */
  attach(file: HistoryFile, lock: HistoryLock): void {
    this.file = file;
    this.lock = lock;
  }

  get size(): number {
    return this.index.size;
  }

  get bytes(): number {
    return this.index.bytes;
  }

  get writeProblem(): string | undefined {
    return this.problem?.message;
  }

  add(record: WebhookRecord, facts?: BodyFacts): Promise<HistoryEntry> {
    const entry = entryOf(record, facts ?? recordFacts(record));
    const file = this.file;
    if (file === undefined) {
      const bytes = estimateBytes(record);
      if (bytes > this.maxLineBytes) return Promise.reject(this.tooLarge(bytes));
      this.take({ entry, bytes, record });
      return Promise.resolve(entry);
    }
    const line = recordLine(record);
    const bytes = Buffer.byteLength(line);
    if (bytes > this.maxLineBytes) return Promise.reject(this.tooLarge(bytes));
    return file.append(line, bytes, (loc) => this.take({ entry, bytes: loc.length, loc })).then(
      () => this.wrote(entry),
      (error: unknown) => Promise.reject(this.writeFailed(error)),
    );
  }

  update(id: string, update: RecordUpdate): Promise<void> {
    const slot = this.index.get(id);
    if (slot === undefined) return Promise.resolve();
    const file = this.file;
    if (file === undefined) {
      if (slot.record !== undefined) Object.assign(slot.record, update);
      this.updated(slot, slot.record === undefined ? slot.bytes : estimateBytes(slot.record), update);
      return Promise.resolve();
    }
    // Only a record's latest update line is read back, so each one holds every change so far.
    const merged: RecordUpdate = { ...(this.pendingUpdates.get(id) ?? this.writtenUpdate(slot)), ...update };
    this.pendingUpdates.set(id, merged);
    const line = updateLine(id, merged);
    const settled = (): void => {
      if (this.pendingUpdates.get(id) === merged) this.pendingUpdates.delete(id);
    };
    return file.append(line, Buffer.byteLength(line), (loc) => this.takeUpdate(id, merged, loc)).then(settled, (error: unknown) => {
      settled();
      return Promise.reject(this.writeFailed(error, false));
    });
  }

  get(id: string): HistoryEntry | undefined {
    return this.index.get(id)?.entry;
  }

  list(): HistoryEntry[] {
    return [...this.index.values()].map((slot) => slot.entry).reverse();
  }

  read(id: string): WebhookRecord | undefined {
    const slot = this.index.get(id);
    if (slot === undefined) return undefined;
    if (slot.record !== undefined) return slot.record;
    try {
      return this.readSlot(slot);
    } catch (error) {
      this.logger.warn(`history ${this.path ?? ''}: record ${id} cannot be read back: ${(error as Error).message}`);
      return undefined;
    }
  }

  sighting(uuid: string): EnvelopeSighting | undefined {
    return this.index.sighting(uuid);
  }

  async delete(ids: readonly string[]): Promise<number> {
    const known = [...new Set(ids)].filter((id) => this.index.get(id) !== undefined);
    if (known.length === 0) return 0;
    if (this.file === undefined) this.forget(known);
    else {
      const line = deleteLine(known);
      await this.file.append(line, Buffer.byteLength(line), () => this.forget(known));
    }
    return known.length;
  }

  async restore(records: readonly WebhookRecord[]): Promise<number> {
    const missing = records.filter((record) => this.index.get(record.id) === undefined).sort((a, b) => (a.id < b.id ? -1 : 1));
    const back: Slot[] = [];
    const evicted: string[] = [];
    const take = (slot: Slot): void => {
      evicted.push(...this.index.insert(slot));
      back.push(slot);
    };
    try {
      for (const record of missing) {
        const entry = entryOf(record, recordFacts(record));
        const line = this.file === undefined ? undefined : recordLine(record);
        if (line === undefined) take({ entry, bytes: estimateBytes(record), record });
        else await this.file?.append(line, Buffer.byteLength(line), (loc) => take({ entry, bytes: loc.length, loc }));
      }
    } catch (error) {
      throw this.writeFailed(error, false);
    } finally {
      // What was written is back, even when a later write failed.
      const kept = back.map((slot) => slot.entry).filter((entry) => !evicted.includes(entry.id));
      if (back.length > 0) this.changes.fire({ type: 'restored', records: kept, evicted: evicted.filter((id) => !back.some((slot) => slot.entry.id === id)) });
    }
    return back.filter((slot) => !evicted.includes(slot.entry.id)).length;
  }

  async clear(): Promise<void> {
    await this.file?.truncate();
    this.index.clear();
    this.changes.fire({ type: 'cleared' });
  }

  export(ids?: readonly string[], format: 'jsonl' | 'json' = 'jsonl'): string {
    const wanted = ids === undefined ? undefined : new Set(ids);
    const records: WebhookRecord[] = [];
    for (const slot of this.index.values()) {
      if (wanted !== undefined && !wanted.has(slot.entry.id)) continue;
      const record = this.read(slot.entry.id);
      if (record !== undefined) records.push(record);
    }
    if (format === 'json') return JSON.stringify(records, null, 2);
    return records.map((record) => JSON.stringify(record) + '\n').join('');
  }

  async flush(): Promise<void> {
    await this.file?.settle();
  }

  async close(): Promise<void> {
    const file = this.file;
    this.file = undefined;
    try {
      await file?.close();
    } finally {
      this.lock?.release();
      this.lock = undefined;
      this.changes.dispose();
      this.problems.dispose();
    }
  }

  /** Where the live lines are, for a compaction. */
  liveLines(): Loc[] {
    return this.index.liveLocs();
  }

  /** After a compaction moved the lines. */
  relocate(moved: (offset: number) => number | undefined): void {
    const lost = this.index.relocate(moved);
    if (lost.length === 0) return;
    this.logger.error(`history ${this.path ?? ''}: ${lost.length} record(s) were not found after a compaction`);
    this.changes.fire({ type: 'deleted', ids: lost });
  }

  private take(slot: Slot): void {
    const evicted = this.index.insert(slot);
    if (this.changes.hasListeners) this.changes.fire({ type: 'added', record: slot.entry, evicted });
  }

  private takeUpdate(id: string, update: RecordUpdate, loc: Loc): void {
    const slot = this.index.get(id);
    if (slot === undefined) return;
    const bytes = slot.bytes - (slot.updateLoc?.length ?? 0) + loc.length;
    slot.updateLoc = loc;
    this.updated(slot, bytes, update);
  }

  private updated(slot: Slot, bytes: number, update: RecordUpdate): void {
    if (update.forward !== undefined) slot.entry.forward = forwardSummary(update.forward);
    if (update.signature !== undefined) slot.entry.signature = update.signature;
    this.changes.fire({ type: 'updated', record: slot.entry });
    const evicted = this.index.resize(slot, bytes);
    if (evicted.length > 0) this.changes.fire({ type: 'deleted', ids: evicted });
  }

  private forget(ids: string[]): void {
    for (const id of ids) this.index.remove(id);
    this.changes.fire({ type: 'deleted', ids });
  }

  private readSlot(slot: Slot): WebhookRecord {
    const file = this.file;
    if (file === undefined || slot.loc === undefined) throw new Error('the history file is closed');
    const parsed = parseHistoryLine(file.read(slot.loc).toString('utf8'));
    if (!parsed.ok) throw new Error(parsed.reason);
    if (parsed.line.type !== 'record' || parsed.line.record.id !== slot.entry.id) throw new Error('another line is where it was');
    return recordFromStored(parsed.line.record, this.writtenUpdate(slot));
  }

  /** The changes of a record's latest update line (none when it has none, or it cannot be read). */
  private writtenUpdate(slot: Slot): RecordUpdate {
    if (this.file === undefined || slot.updateLoc === undefined) return {};
    const parsed = parseHistoryLine(this.file.read(slot.updateLoc).toString('utf8'));
    return parsed.ok && parsed.line.type === 'update' && parsed.line.id === slot.entry.id ? parsed.line.update : {};
  }

  private wrote(entry: HistoryEntry): HistoryEntry {
    if (this.problem !== undefined) {
      this.logger.info(`history ${this.path ?? ''}: writing works again; ${this.problem.refused} request(s) were answered 503 meanwhile`);
      this.problem = undefined;
      this.problems.fire(undefined);
    }
    return entry;
  }

  /** `request`: the failed write was a request's record (which is then answered 503), not a later update. */
  private writeFailed(error: unknown, request = true): HistoryWriteError {
    const message = describeFileError(error);
    if (this.problem === undefined) {
      this.problem = { message, refused: 0 };
      this.logger.error(
        `cannot write the history file ${this.path ?? ''}: ${message}. Requests are answered 503 so that Postal retries them; writing resumes by itself as soon as it works again.`,
      );
      this.problems.fire(message);
    }
    if (request) this.problem.refused += 1;
    return new HistoryWriteError('failed', `The history could not be written: ${message}.`, error);
  }

  private tooLarge(bytes: number): HistoryWriteError {
    return new HistoryWriteError('too-large', `The request takes ${bytes} bytes, more than the ${this.maxLineBytes} bytes (a quarter of the history's size limit) one request may take.`);
  }
}
