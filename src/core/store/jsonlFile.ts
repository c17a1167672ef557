import { type FileHandle, open, readFile, rename, copyFile } from 'node:fs/promises';

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
  /** The lines that describe the whole current state, for a rewrite. */
  snapshot(): string[];
  onCompacted?(before: number, after: number): void;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Appends lines to a file with group commit: lines appended while a write is in flight go out
 * together in the next single write, so each caller's promise resolves once its line is in the
 * file (the OS page cache: it survives the process being killed) without a syscall per line.
 * All file work (appends, rewrites, close) runs one at a time on `chain`.
 */
export class JsonlAppender {
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private lineCount: number;

  private constructor(
    private readonly path: string,
    private handle: FileHandle,
    private readonly options: JsonlAppenderOptions,
  ) {
    this.lineCount = options.lineCount;
  }

  static async open(path: string, options: JsonlAppenderOptions): Promise<JsonlAppender> {
    return new JsonlAppender(path, await open(path, 'a'), options);
  }

  /** Resolves when `line` is written; rejects if the write failed (the caller still has the data). */
  append(line: string): Promise<void> {
    const written = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.pending.push(line + '\n');
    if (!this.scheduled) {
      this.scheduled = true;
      this.chain = this.chain.then(() => this.writePending());
    }
    return written;
  }

  /** Rewrites the file from the snapshot (atomically: temp file, then rename). */
  compact(): Promise<void> {
    const done = this.chain.then(() => this.rewrite());
    this.chain = done.catch(() => undefined);
    return done;
  }

  /** Resolves once everything appended so far is written. */
  async flush(): Promise<void> {
    await this.chain;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.handle.close();
  }

  private async writePending(): Promise<void> {
    this.scheduled = false;
    const lines = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    if (lines.length === 0) return;
    try {
      await this.handle.write(lines.length === 1 ? lines[0] : lines.join(''));
      this.lineCount += lines.length;
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    for (const waiter of waiters) waiter.resolve();
    if (this.lineCount > this.options.compactAbove) await this.rewrite().catch(() => undefined);
  }

  private async rewrite(): Promise<void> {
    // The snapshot already holds whatever is still pending (state changes before its line is
    // queued), so pending lines are dropped and their callers released once the rename is done.
    const lines = this.options.snapshot();
    const covered = this.waiters;
    this.pending = [];
    this.waiters = [];
    const before = this.lineCount;
    const temp = `${this.path}.tmp`;
    try {
      const tempHandle = await open(temp, 'w');
      try {
        // No fsync, like the appends: the rename is atomic, and the data is in the OS cache, which
        // survives the process dying. An fsync here stalled every answer behind it for a disk flush.
        await tempHandle.write(lines.map((line) => line + '\n').join(''));
      } finally {
        await tempHandle.close();
      }
      // Close before renaming: Windows cannot replace a file that is open.
      await this.handle.close();
      try {
        await rename(temp, this.path);
        this.lineCount = lines.length;
      } finally {
        this.handle = await open(this.path, 'a');
      }
    } catch (error) {
      for (const waiter of covered) waiter.reject(error);
      throw error;
    }
    for (const waiter of covered) waiter.resolve();
    this.options.onCompacted?.(before, lines.length);
  }
}
