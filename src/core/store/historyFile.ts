import { close, fdatasyncSync, openSync, renameSync } from 'node:fs';
import { type Logger } from '../logger';
import { copyLiveLines } from './compaction';
import { copyRangeSync, type Loc, readLoc } from './copyRanges';
import { type FileOps, NODE_FILE_OPS, writeFully } from './fileOps';

export interface HistoryFileOptions {
  /** Compact once the file is bigger than this many bytes, or holds more lines than `compactAboveLines`. */
  compactAbove: number;
  compactAboveLines: number;
  /** Appends that would take the file past this wait for a compaction. */
  neverAbove: number;
  /** Where every line still needed is, in file order: what a compaction keeps. */
  liveLines(): Loc[];
  /** After a compaction: `moved(offset)` is where the line that was at `offset` is now. */
  relocate(moved: (offset: number) => number | undefined): void;
  logger: Logger;
  ops?: FileOps;
  /** Bytes and lines already in the file, up to the end of its last whole line. */
  size: number;
  lineCount: number;
  /** The file goes on past `size` with part of a line (cut short by a crash): cut it off before writing. */
  tornTail?: boolean;
}

interface PendingLine {
  /** The line, newline included, and its size in bytes. */
  text: string;
  bytes: number;
  commit(loc: Loc): void;
  resolve(): void;
  reject(error: unknown): void;
}

/** How long a compaction that failed (e.g. no room for the new file) is not retried. */
const COMPACTION_BACKOFF_MS = 5000;
/** Lines written are flushed to the device at most this long after: the durability window. */
export const DATASYNC_DELAY_MS = 1000;
const WINDOWS = process.platform === 'win32';

/**
 * The history file, open for appending and reading, with one writer (see `historyLock`).
 *
 * Appends use group commit: every line appended during one turn of the event loop goes out in
 * one synchronous write at the end of that turn, and each caller's promise resolves with where
 * its line is once the write returned, that is once the line is in the operating system's page
 * cache: it survives this process crashing or being killed. The data is flushed to the device
 * in the background within {@link DATASYNC_DELAY_MS}, so a power cut can lose at most about a
 * second of answered requests.
 *
 * A write that fails (a full disk, an I/O error) rejects its callers and is undone at once by
 * cutting the file back to its last whole line; if even that fails, the cut is retried before
 * the next write, so a half-written line never has another glued to it.
 *
 * Compaction copies the live lines to a new file on the thread pool while appends go on into
 * the old one, then copies what arrived meanwhile and renames the new file over the old one in
 * one synchronous step. The new file keeps the old one's permissions.
 */
export class HistoryFile {
  private pending: PendingLine[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private syncTimer: NodeJS.Timeout | undefined;
  /** Set when a failed write could not be cut back: the file may end with part of a line. */
  private tornTail = false;
  private compaction: Promise<void> | undefined;
  private compactionFailedAt = -Infinity;
  /** Set by `close`: a compaction in progress gives up (the old file stays), so stopping is prompt. */
  private closing = false;
  private readonly ops: FileOps;
  size: number;
  lineCount: number;

  /** `fd`: the file at `path`, open for appending and reading ('a+'); it is this object's from now on. */
  constructor(
    readonly path: string,
    private fd: number,
    private readonly options: HistoryFileOptions,
  ) {
    this.ops = options.ops ?? NODE_FILE_OPS;
    this.size = options.size;
    this.lineCount = options.lineCount;
    this.tornTail = options.tornTail ?? false;
  }

  /**
   * Writes `text` (one line, newline included, `bytes` long in UTF-8). Once it is in the file,
   * `commit` is called with where it is, synchronously (so a compaction that starts right after
   * already counts it as live), and the promise resolves; if it could not be written the promise
   * rejects and nothing of it stays.
   */
  append(text: string, bytes: number, commit: (loc: Loc) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ text, bytes, commit, resolve, reject });
      this.scheduled ??= setImmediate(this.writePending);
    });
  }

  /** Cuts off a torn last line now, if there is one (else it is cut before the next write). */
  cutTornTail(): void {
    if (this.tornTail) this.tornTail = !this.tryCut(this.size);
  }

  /** The bytes at `loc`; throws if they cannot be read. */
  read(loc: Loc): Buffer {
    return readLoc(this.ops, this.fd, loc);
  }

  /** Empties the file (after writing what is pending). */
  async truncate(): Promise<void> {
    await this.settle();
    this.ops.ftruncate(this.fd, 0);
    this.size = 0;
    this.lineCount = 0;
    this.tornTail = false;
  }

  /** Rewrites the file with only the live lines; resolves when done (also when it failed: that is logged). */
  compact(): Promise<void> {
    this.compaction ??= this.runCompaction().finally(() => {
      this.compaction = undefined;
      if (this.pending.length > 0) this.writePending();
    });
    return this.compaction;
  }

  /** Writes what is pending now and waits for a compaction in progress. */
  async settle(): Promise<void> {
    this.writePending();
    while (this.compaction !== undefined) {
      await this.compaction;
      this.writePending();
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.settle();
    clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    try {
      fdatasyncSync(this.fd);
    } catch {
      // Closing anyway: what the page cache holds reaches the disk without us.
    }
    this.ops.close(this.fd);
  }

  private readonly writePending = (): void => {
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.pending.length === 0) return;
    const batch = this.takeFitting();
    if (batch.length === 0) return;
    if (this.tornTail && !this.cutBack(batch)) return;
    const start = this.size;
    try {
      writeFully(this.ops, this.fd, buffersOf(batch));
    } catch (error) {
      this.tornTail = !this.tryCut(start);
      for (const item of batch) item.reject(error);
      return;
    }
    this.size = start;
    for (const item of batch) {
      const loc = { offset: this.size, length: item.bytes };
      this.size += loc.length;
      this.lineCount += 1;
      try {
        item.commit(loc);
      } catch (error) {
        this.options.logger.error(`history ${this.path}: a written line could not be taken in: ${String(error)}`);
      }
      item.resolve();
    }
    this.scheduleDatasync();
    if (this.size > this.options.compactAbove || this.lineCount > this.options.compactAboveLines) void this.compactIfDue();
  };

  /**
   * The pending lines that fit under `neverAbove`, oldest first. The others wait for a
   * compaction; while compactions fail (no room for the new file) they are refused instead.
   */
  private takeFitting(): PendingLine[] {
    let room = this.options.neverAbove - this.size;
    let count = 0;
    while (count < this.pending.length && this.pending[count].bytes <= room) room -= this.pending[count++].bytes;
    // A file left over the bound (loaded that way) must still take a line when nothing else helps.
    if (count === 0 && this.compaction === undefined && this.size <= this.pendingFloor()) count = 1;
    const batch = this.pending.splice(0, count);
    if (this.pending.length > 0 && this.compaction === undefined) {
      if (Date.now() - this.compactionFailedAt < COMPACTION_BACKOFF_MS) this.refuseWaiting();
      else void this.compact();
    }
    return batch;
  }

  /** Below this size a compaction cannot make the file smaller: the live lines alone are that big. */
  private pendingFloor(): number {
    return this.options.liveLines().reduce((sum, loc) => sum + loc.length, 0);
  }

  private refuseWaiting(): void {
    const refused = this.pending.splice(0);
    const error = new Error('the history file is at its size limit and could not be rewritten smaller (see the log)');
    for (const item of refused) item.reject(error);
  }

  private compactIfDue(): Promise<void> {
    if (Date.now() - this.compactionFailedAt < COMPACTION_BACKOFF_MS) return Promise.resolve();
    return this.compact();
  }

  /** Cuts a torn tail off before writing `batch`; rejects the batch and returns false if it still cannot be. */
  private cutBack(batch: PendingLine[]): boolean {
    try {
      this.ops.ftruncate(this.fd, this.size);
      this.tornTail = false;
      return true;
    } catch (error) {
      for (const item of batch) item.reject(error);
      return false;
    }
  }

  private tryCut(length: number): boolean {
    try {
      this.ops.ftruncate(this.fd, length);
      return true;
    } catch {
      return false;
    }
  }

  private scheduleDatasync(): void {
    if (this.syncTimer !== undefined) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = undefined;
      this.ops.datasync(this.fd, (error) => {
        if (error !== null) this.options.logger.warn(`history ${this.path}: flushing to the disk failed: ${error.message}`);
      });
    }, DATASYNC_DELAY_MS);
    this.syncTimer.unref();
  }

  private async runCompaction(): Promise<void> {
    const before = this.size;
    try {
      await this.rewrite();
      this.options.logger.debug(`history ${this.path}: compacted ${before} bytes to ${this.size}`);
    } catch (error) {
      this.compactionFailedAt = Date.now();
      if (!this.closing) this.options.logger.error(`history ${this.path}: compaction failed, will retry: ${(error as Error).message}`);
    }
  }

  private async rewrite(): Promise<void> {
    const snapshotEnd = this.size;
    const snapshotLines = this.lineCount;
    const live = this.options.liveLines();
    const copy = await copyLiveLines({ path: this.path, fd: this.fd, size: () => this.size, abandoned: this.abandoned }, live, snapshotEnd);
    let swapped = false;
    try {
      // Synchronous from here on: no append can come between the last copy and the swap.
      copyRangeSync(this.ops, this.fd, copy.target, copy.copied, this.size);
      this.swap(copy.temp, copy.target);
      swapped = true;
    } finally {
      if (!swapped) copy.discard();
    }
    this.scheduleDatasync();
    const shift = copy.written - snapshotEnd;
    this.options.relocate((offset) => (offset >= snapshotEnd ? offset + shift : copy.moved.get(offset)));
    this.size += shift;
    this.lineCount = live.length + this.lineCount - snapshotLines;
  }

  private readonly abandoned = (): boolean => this.closing;

  /** Puts the new file in place of the old one: synchronous, so no append can come between. */
  private swap(temp: string, target: number): void {
    const old = this.fd;
    if (WINDOWS) {
      // Windows cannot replace a file that is open.
      this.ops.close(old);
      try {
        renameSync(temp, this.path);
      } catch (error) {
        this.fd = openSync(this.path, 'a+');
        throw error;
      }
    } else {
      renameSync(temp, this.path);
      // The last close of the replaced file frees its pages: let the thread pool do it.
      close(old, () => undefined);
    }
    this.fd = target;
    this.tornTail = false;
  }
}

/** Small lines go out as one buffer (cheaper than one each); big ones each as their own, to not copy them twice. */
function buffersOf(batch: readonly PendingLine[]): Buffer[] {
  if (batch.length === 1) return [Buffer.from(batch[0].text, 'utf8')];
  const bytes = batch.reduce((sum, item) => sum + item.bytes, 0);
  if (bytes <= 256 * 1024) return [Buffer.from(batch.map((item) => item.text).join(''), 'utf8')];
  return batch.map((item) => Buffer.from(item.text, 'utf8'));
}
