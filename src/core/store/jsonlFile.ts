import { close, closeSync, openSync, renameSync, writeSync, writevSync } from 'node:fs';
import { copyFile, open, readFile, rename } from 'node:fs/promises';

/** A line that did not parse. `last` marks the final line, the usual victim of a crash mid-write. */
export interface SkippedLine {
  lineNumber: number;
  last: boolean;
  error: string;
}

export interface JsonlContent {
  /** Each line that parsed, with its 1-based line number. */
  entries: { lineNumber: number; value: unknown }[];
  skipped: SkippedLine[];
  /** Lines in the file (blank ones excluded). */
  lineCount: number;
  /** False when the file ends without "\n": a torn write, which must not be appended to. */
  endsWithNewline: boolean;
}

/** Reads a JSONL file, keeping every line that parses; a missing file reads as empty. */
export async function readJsonlFile(path: string): Promise<JsonlContent> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skipped: [], lineCount: 0, endsWithNewline: true };
    throw error;
  }
  const lines = text.split('\n');
  const lastIndex = text.endsWith('\n') ? lines.length - 2 : lines.length - 1;
  const entries: JsonlContent['entries'] = [];
  const skipped: SkippedLine[] = [];
  let lineCount = 0;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    lineCount += 1;
    try {
      entries.push({ lineNumber: index + 1, value: JSON.parse(line) as unknown });
    } catch (error) {
      skipped.push({ lineNumber: index + 1, last: index === lastIndex, error: (error as Error).message });
    }
  });
  return { entries, skipped, lineCount, endsWithNewline: text === '' || text.endsWith('\n') };
}

/** Keeps a copy of a file before a rewrite drops lines from it, so nothing is lost for good. */
export async function backUpFile(path: string, now: number): Promise<string> {
  const backup = `${path}.${now}.bak`;
  await copyFile(path, backup);
  return backup;
}

export interface JsonlAppenderOptions {
  /** Lines currently in the file. */
  lineCount: number;
  /** Rewrite the file from `snapshot()` once it holds more lines than this. */
  compactAbove: number;
  /** The lines (newline included) that describe the whole current state, for a rewrite. */
  snapshot(): Buffer[];
  onCompacted?(before: number, after: number): void;
  onCompactionFailed?(error: unknown): void;
}

const WINDOWS = process.platform === 'win32';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Appends lines to a file with group commit: every line appended during one turn of the event
 * loop goes out in a single write at the end of that turn (`setImmediate`), and each caller's
 * promise resolves once its line is in the file. "In the file" means the OS page cache, which
 * survives the process being killed (there is no fsync: a power cut can lose the last lines).
 *
 * Appends are written synchronously on purpose: a page-cache write of a few KB takes
 * microseconds, whereas a thread-pool write adds a round trip to every answer waiting on it.
 * A compaction runs in the background (temp file, then atomic rename); see `compact`.
 */
export class JsonlAppender {
  private pending: Buffer[] = [];
  private waiters: Waiter[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private lineCount: number;
  /** While a compaction runs: lines appended since its snapshot, and their callers, held back. */
  private compaction: { lines: Buffer[]; held: Waiter[]; done: Promise<void> } | undefined;

  private constructor(
    private readonly path: string,
    private fd: number,
    private readonly options: JsonlAppenderOptions,
  ) {
    this.lineCount = options.lineCount;
  }

  static open(path: string, options: JsonlAppenderOptions): JsonlAppender {
    return new JsonlAppender(path, openSync(path, 'a'), options);
  }

  /** Resolves when `line` (newline included) is in the file; rejects if the write failed. */
  append(line: Buffer): Promise<void> {
    this.pending.push(line);
    this.compaction?.lines.push(line);
    this.scheduled ??= setImmediate(this.writePending);
    return new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /**
   * Rewrites the file from a snapshot without stopping appends: they go on into the current file
   * and are copied into the new one right after the rename. Their callers are released only
   * then, so a crash at any moment leaves every released line in the file at `path`.
   */
  compact(): Promise<void> {
    if (this.compaction !== undefined) return this.compaction.done.then(() => this.compact());
    const snapshot = this.options.snapshot();
    const compaction = { lines: [] as Buffer[], held: [] as Waiter[], done: Promise.resolve() };
    this.compaction = compaction;
    compaction.done = this.rewrite(snapshot, compaction).finally(() => {
      this.compaction = undefined;
    });
    return compaction.done;
  }

  /** Writes what is pending now and waits for a compaction in progress. */
  async flush(): Promise<void> {
    this.writePending();
    await this.compaction?.done.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.flush();
    closeSync(this.fd);
  }

  private readonly writePending = (): void => {
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const lines = this.pending;
    const waiters = this.waiters;
    if (lines.length === 0) return;
    this.pending = [];
    this.waiters = [];
    try {
      writeAll(this.fd, lines);
      this.lineCount += lines.length;
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    if (this.compaction !== undefined) this.compaction.held.push(...waiters);
    else for (const waiter of waiters) waiter.resolve();
    if (this.compaction === undefined && this.lineCount > this.options.compactAbove) {
      this.compact().catch((error: unknown) => this.options.onCompactionFailed?.(error));
    }
  };

  private async rewrite(snapshot: Buffer[], compaction: { lines: Buffer[]; held: Waiter[] }): Promise<void> {
    const before = this.lineCount;
    const temp = `${this.path}.tmp`;
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writev(snapshot);
      } finally {
        await handle.close();
      }
      this.writePending();
      const oldFd = this.fd;
      if (WINDOWS) {
        // Windows cannot replace an open file: close, rename and reopen in one synchronous step.
        closeSync(oldFd);
        try {
          renameSync(temp, this.path);
        } finally {
          this.fd = openSync(this.path, 'a');
        }
      } else {
        // Appends go on into the old file (still open) while the rename runs on the thread pool.
        await rename(temp, this.path);
        // Synchronous from here on: no append can slip in before the copy below.
        this.writePending();
        this.fd = openSync(this.path, 'a');
        // The last close of the replaced file frees its pages: let the thread pool do it.
        close(oldFd, () => undefined);
      }
      writeAll(this.fd, compaction.lines);
      this.lineCount = snapshot.length + compaction.lines.length;
    } catch (error) {
      for (const waiter of compaction.held) waiter.resolve(); // They are in the old file, which stays.
      throw error;
    }
    for (const waiter of compaction.held) waiter.resolve();
    this.options.onCompacted?.(before, this.lineCount);
  }
}

function writeAll(fd: number, lines: readonly Buffer[]): void {
  if (lines.length === 0) return;
  const total = lines.reduce((sum, line) => sum + line.length, 0);
  let written = writevSync(fd, lines as Buffer[]);
  if (written < total) {
    const rest = Buffer.concat(lines as Buffer[], total);
    while (written < total) written += writeSync(fd, rest, written, total - written);
  }
}
