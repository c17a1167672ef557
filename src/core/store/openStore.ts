import { closeSync, fstatSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Logger, silentLogger } from '../logger';
import { type FileOps } from './fileOps';
import { HistoryFile } from './historyFile';
import { acquireLock, describeHolder, type HistoryLock, type LockHolder } from './historyLock';
import { HistoryStore, type WebhookStore } from './historyStore';
import { fileBounds, type HistoryLimits, MB, resolveLimits } from './limits';
import { loadHistory, type LoadReport } from './loadHistory';
import { describeFileError } from './writeProblem';

/**
 * A file is also compacted once it holds this many times more lines than records are kept, so
 * that small records evicted by count do not pile up to the byte limit (and slow the next load).
 */
const COMPACT_ABOVE_LINES = 4;

export interface StoreOptions {
  /** Records kept; the oldest go first. Default `DEFAULT_MAX_RECORDS`. */
  maxRecords?: number;
  /** Bytes of record lines kept; the oldest go first. Default `DEFAULT_MAX_MB` MB. */
  maxBytes?: number;
  logger?: Logger;
  now?: () => number;
  /** How the lock names this program to another one that finds the file in use. */
  app?: string;
  /** The file calls the writer makes; tests pass failing ones. */
  fileOps?: FileOps;
}

export type OpenStoreResult =
  | { ok: true; store: WebhookStore; report: LoadReport }
  | { ok: false; reason: 'locked'; holder: LockHolder; message: string }
  | { ok: false; reason: 'unusable'; message: string };

/** A history in memory only, for tests and a CLI run without `--history`. */
export function createMemoryStore(options: StoreOptions = {}): WebhookStore {
  return new HistoryStore(resolveLimits(options), undefined, options.logger);
}

/**
 * Opens (or creates, owner-only, in folders created owner-only) a history file, takes its lock
 * and loads it. Lines that cannot be used are left out and reported once (see `loadHistory`);
 * the file is then rewritten without them. Never throws: a file in use by another running
 * program, or one that cannot be created, read or written, is a result saying so.
 */
export async function openFileStore(path: string, options: StoreOptions = {}): Promise<OpenStoreResult> {
  const logger = options.logger ?? silentLogger;
  const limits = resolveLimits(options);
  let lock: HistoryLock | undefined;
  let fd: number | undefined;
  let attached = false;
  try {
    ensureFolder(dirname(path));
    const locked = acquireLock(path, options.app ?? 'postal-webhooks', (options.now ?? Date.now)());
    if (!locked.ok) return { ok: false, reason: 'locked', holder: locked.holder, message: `The history file ${path} is in use by ${describeHolder(locked.holder)}.` };
    lock = locked.lock;
    fd = openSync(path, 'a+', 0o600);
    const store = new HistoryStore(limits, path, logger);
    const { file, report, mustCompact } = await loadFile(store, path, fd, limits, options);
    store.attach(file, lock);
    attached = true;
    if (mustCompact) await file.compact();
    else file.cutTornTail();
    return { ok: true, store, report };
  } catch (error) {
    if (fd !== undefined && !attached) closeQuietly(fd);
    lock?.release();
    return { ok: false, reason: 'unusable', message: `Cannot use the history file ${path}: ${describeFileError(error)}.` };
  }
}

async function loadFile(store: HistoryStore, path: string, fd: number, limits: HistoryLimits, options: StoreOptions): Promise<{ file: HistoryFile; report: LoadReport; mustCompact: boolean }> {
  const size = fstatSync(fd).size;
  const bounds = fileBounds(limits);
  const loaded = await loadHistory(path, fd, size, { readBytes: bounds.neverAbove, maxLineBytes: bounds.maxLineBytes, backupBytes: limits.maxBytes }, store.index);
  reportLoad(options.logger ?? silentLogger, path, loaded.report);
  const file = new HistoryFile(path, fd, {
    compactAbove: bounds.compactAbove,
    compactAboveLines: COMPACT_ABOVE_LINES * limits.maxRecords,
    neverAbove: bounds.neverAbove,
    liveLines: () => store.liveLines(),
    relocate: (moved) => store.relocate(moved),
    logger: options.logger ?? silentLogger,
    ops: options.fileOps,
    size: loaded.wholeLinesEnd,
    tornTail: loaded.wholeLinesEnd < size,
    lineCount: loaded.lineCount,
  });
  const mustCompact = loaded.mustCompact || size > bounds.compactAbove || loaded.lineCount > COMPACT_ABOVE_LINES * limits.maxRecords;
  return { file, report: loaded.report, mustCompact };
}

/** Says once what loading found wrong, however many lines it was. */
function reportLoad(logger: Logger, path: string, report: LoadReport): void {
  if (report.partial !== undefined) {
    const { fileBytes, readBytes } = report.partial;
    logger.warn(`history ${path}: the file holds ${megabytes(fileBytes)}, more than a history this size may: only its newest ${megabytes(readBytes)} were read, older requests were dropped.`);
  }
  if (report.invalid > 0 && report.firstInvalid !== undefined) {
    const { lineNumber, reason } = report.firstInvalid;
    const kept = report.backup === undefined ? '' : report.notKept === 0 ? `; they are kept in ${report.backup}` : `; ${report.invalid - report.notKept} of them are kept in ${report.backup}`;
    logger.warn(`history ${path}: ${report.invalid.toLocaleString('en-US')} line(s) could not be used and were left out (the first, line ${lineNumber}: ${reason})${kept}.`);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/**
 * Creates the missing folders of `folder`, owner-only, one level at a time (Node's recursive
 * mkdir loops forever on some paths, e.g. under /proc); throws what the system said.
 */
function ensureFolder(folder: string): void {
  const missing: string[] = [];
  for (let current = resolve(folder); ; current = dirname(current)) {
    if (exists(current)) {
      if (!statSync(current).isDirectory()) throw Object.assign(new Error(`not a folder: ${current}`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const created of missing.reverse()) mkdirSync(created, { mode: 0o700 });
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing: the first error is the one to report.
  }
}
