import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import * as z from 'zod/mini';

/** Who writes a history file: read from its lock file, so checked like everything read from disk. */
const holderSchema = z.object({ pid: z.int().check(z.minimum(1)), host: z.string().check(z.maxLength(300)), app: z.string().check(z.maxLength(300)), since: z.int().check(z.minimum(0)) });
export type LockHolder = z.infer<typeof holderSchema>;

export type LockResult = { ok: true; lock: HistoryLock } | { ok: false; holder: LockHolder };

/** Locks held by this process, so that a lock file naming our own pid is known for ours or stale. */
const HELD = new Set<string>();
const ATTEMPTS = 5;

/**
 * One writer per history file: `<file>.lock` holds the writer's pid, host, program and start
 * time. It is created atomically with its content (written to a private temporary file, then
 * hard-linked into place, which fails if a lock exists). A lock whose process is gone (killed,
 * crashed) is taken over; a lock whose process runs is refused, naming that process.
 */
export function acquireLock(path: string, app: string, now: number = Date.now()): LockResult {
  const lockPath = `${path}.lock`;
  const mine: LockHolder = { pid: process.pid, host: hostname(), app, since: now };
  const temp = `${lockPath}.${process.pid}.${now}`;
  writeFileSync(temp, JSON.stringify(mine), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (tryLink(temp, lockPath)) {
        HELD.add(lockPath);
        return { ok: true, lock: new HistoryLock(lockPath, mine) };
      }
      const text = readText(lockPath);
      if (text === undefined) continue; // Removed meanwhile: try again.
      const holder = parseHolder(text);
      if (holder !== undefined && isAlive(holder, lockPath)) return { ok: false, holder };
      takeOver(lockPath, text);
    }
    throw new Error(`could not take the lock ${lockPath}: other programs keep changing it`);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** A held lock; `release` removes the lock file if it is still ours. */
export class HistoryLock {
  constructor(
    readonly path: string,
    readonly holder: LockHolder,
  ) {}

  release(): void {
    HELD.delete(this.path);
    const text = readText(this.path);
    if (text !== undefined && parseHolder(text)?.pid === this.holder.pid && parseHolder(text)?.since === this.holder.since) rmSync(this.path, { force: true });
  }
}

/** `postal-webhooks listen (pid 1234 on host, since 14:03:07)`, for messages. */
export function describeHolder(holder: LockHolder): string {
  const since = new Date(holder.since);
  const clock = [since.getHours(), since.getMinutes(), since.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return `${holder.app} (process ${holder.pid}${where}, since ${clock})`;
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const result = holderSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the holder still runs. A process on another host cannot be checked and counts as
 * running; our own pid counts only if this process holds the lock (else it is a previous
 * process's that had the same pid).
 */
function isAlive(holder: LockHolder, lockPath: string): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return HELD.has(lockPath);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock without removing a fresh one another process just made: the lock is
 * moved aside first, and put back if it turns out not to be the stale one we read.
 */
function takeOver(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readText(aside) !== staleText) tryLink(aside, lockPath);
  rmSync(aside, { force: true });
}
