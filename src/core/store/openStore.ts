import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Logger, silentLogger } from '../logger';
import { DEFAULT_MAX_RECORDS, HistoryStore, type WebhookStore } from './historyStore';
import { backUpFile, JsonlAppender, readJsonlFile, type SkippedLine } from './jsonlFile';
import { recordFromLine, updateFromLine } from './storeLines';

export interface StoreOptions {
  /** Records kept; the oldest go first. Default {@link DEFAULT_MAX_RECORDS}. */
  maxRecords?: number;
  logger?: Logger;
  now?: () => number;
}

/** What loading a history file found. */
export interface LoadReport {
  loaded: number;
  /** Lines that did not parse or were not history lines; they were left out. */
  skipped: SkippedLine[];
  /** Where the file was copied before damaged lines were dropped, if it was. */
  backup?: string;
}

export type OpenStoreResult = { ok: true; store: WebhookStore; report: LoadReport } | { ok: false; message: string };

/** A history in memory only, for tests and a CLI run without `--history`. */
export function createMemoryStore(options: StoreOptions = {}): WebhookStore {
  return new HistoryStore(boundOf(options), undefined, options.logger);
}

/**
 * Opens (or creates) a JSONL history file and loads it. A torn or corrupt line is skipped and
 * reported, never fatal; if lines in the middle were damaged the file is first copied aside.
 * The file is rewritten compactly when it holds more than twice `maxRecords` lines.
 */
export async function openFileStore(path: string, options: StoreOptions = {}): Promise<OpenStoreResult> {
  const logger = options.logger ?? silentLogger;
  const maxRecords = boundOf(options);
  const store = new HistoryStore(maxRecords, path, logger);
  try {
    await mkdir(dirname(path), { recursive: true });
    const content = await readJsonlFile(path);
    const skipped = [...content.skipped, ...applyLines(store, content.entries)];
    const report: LoadReport = { loaded: store.size, skipped };
    for (const line of skipped) logger.warn(`history ${path}: skipped line ${line.lineNumber}${line.last ? ' (torn last line)' : ''}: ${line.error}`);
    if (skipped.some((line) => !line.last)) {
      report.backup = await backUpFile(path, (options.now ?? Date.now)());
      logger.warn(`history ${path}: damaged lines were dropped; the original file was kept as ${report.backup}`);
    }
    const appender = JsonlAppender.open(path, {
      lineCount: content.lineCount,
      compactAbove: 2 * maxRecords,
      snapshot: () => store.snapshotLines(),
      onCompacted: (before, after) => logger.debug(`history ${path}: compacted ${before} lines to ${after}`),
    });
    store.attach(appender);
    if (skipped.length > 0 || !content.endsWithNewline || content.lineCount > 2 * maxRecords) await appender.compact();
    return { ok: true, store, report };
  } catch (error) {
    await store.close().catch(() => undefined);
    return { ok: false, message: `Cannot use the history file ${path}: ${(error as Error).message}. Choose another file, or check its permissions.` };
  }
}

function boundOf(options: StoreOptions): number {
  const max = options.maxRecords ?? DEFAULT_MAX_RECORDS;
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxRecords must be a positive integer, not ${max}`);
  return max;
}

/** Loads record lines and merges update lines; returns the lines that were neither. */
function applyLines(store: HistoryStore, entries: { lineNumber: number; value: unknown }[]): SkippedLine[] {
  const unusable: SkippedLine[] = [];
  for (const { lineNumber, value } of entries) {
    const record = recordFromLine(value);
    const update = record === undefined ? updateFromLine(value) : undefined;
    if (record !== undefined) store.load(record);
    else if (update !== undefined) {
      const target = store.get(update.id);
      if (target !== undefined) Object.assign(target, update.update);
    } else unusable.push({ lineNumber, last: false, error: 'not a history line' });
  }
  return unusable;
}
