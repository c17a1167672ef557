import { setTimeout as sleep } from 'node:timers/promises';
import { Emitter, type Event } from '../../core/emitter';
import { type Logger } from '../../core/logger';
import { createMemoryStore, describeHolder, type LockHolder, MB, openFileStore, type OpenStoreResult, type StoreChange, type StoreOptions, type WebhookStore } from '../../core/store';

/** A store change, or `reset` when the whole store was replaced (opened, or reopened with other limits). */
export type HistoryChange = StoreChange | { type: 'reset' };

/** Which of the records shown in `open` pages a change touches: the one updated, those deleted or pushed out, or all on a reset. */
export function recordsTouched(change: HistoryChange, open: readonly string[]): readonly string[] {
  return change.type === 'updated' ? [change.record.id] : change.type === 'deleted' ? change.ids : change.type === 'added' ? change.evicted : open;
}

/** How much history to keep (the `postalWebhooks.history.*` settings). */
export interface HistorySize {
  maxEvents: number;
  maxSizeMB: number;
}

/** Files tried, after the usual one, when another window holds it: `history-2.jsonl` … */
const OWN_FILES = 8;
/** A window reloading releases its history a moment after the new one starts: wait that long for it. */
const RELEASE_WAIT_MS = 3000;
/** How often a file held by a reloading window is tried again. */
const POLL_MS = 250;
const LOCK_APP = 'VS Code';

/**
 * Owns the request history behind the Events view: the listener's JSONL file in the
 * extension's storage, loaded at activation so past events show before the listener starts.
 * One window writes a file at a time: a second window on the same storage keeps its own file
 * (`history-2.jsonl`, …) and says so. When no file can be used at all, events are kept in memory
 * for viewing, and `problem` says why, for the listener refuses to answer requests it cannot store.
 * It re-emits the store's changes so views need not care when the store is swapped.
 * Free of `vscode`, so it is tested in plain Node.
 */
export class HistoryService {
  private current: WebhookStore = createMemoryStore();
  private subscriptions = this.subscribe(this.current);
  private readonly changes: Emitter<HistoryChange>;
  private readonly writeProblems: Emitter<string | undefined>;
  readonly onDidChange: Event<HistoryChange>;
  /** Fires when writing the history starts or stops failing (a full disk…). */
  readonly onDidChangeWriteProblem: Event<string | undefined>;
  private opened: { path: string | undefined; size: HistorySize } | undefined;
  /** Why there is no history file (the listener does not start then), or undefined. */
  problem: string | undefined;
  /** Set when this window keeps its own file because another one holds the usual one. */
  notice: string | undefined;

  constructor(
    private readonly log: Logger,
    private readonly options: Pick<StoreOptions, 'fileOps'> & { releaseWaitMs?: number } = {},
  ) {
    this.changes = new Emitter((error) => log.error(`a history subscriber failed: ${String(error)}`));
    this.writeProblems = new Emitter((error) => log.error(`a history subscriber failed: ${String(error)}`));
    this.onDidChange = this.changes.event;
    this.onDidChangeWriteProblem = this.writeProblems.event;
  }

  get store(): WebhookStore {
    return this.current;
  }

  /** Where the history lives, for the log and the status tooltip; undefined when in memory only. */
  get path(): string | undefined {
    return this.current.path;
  }

  /** Whether `open(path, size)` would change anything. */
  differsFrom(path: string | undefined, size: HistorySize): boolean {
    const opened = this.opened;
    return opened === undefined || opened.path !== path || opened.size.maxEvents !== size.maxEvents || opened.size.maxSizeMB !== size.maxSizeMB;
  }

  /**
   * Opens the history at `path` (or this window's own file next to it, when another window
   * holds it), and returns a warning for the user when it is not the usual file or no file at
   * all. Reopening with the same path and size does nothing. The caller stops the listener
   * first: it writes to the old store.
   */
  async open(path: string | undefined, size: HistorySize): Promise<string | undefined> {
    if (!this.differsFrom(path, size)) return undefined;
    await this.close();
    this.opened = { path, size };
    this.problem = undefined;
    this.notice = undefined;
    const limits = { maxRecords: size.maxEvents, maxBytes: size.maxSizeMB * MB, logger: this.log, app: LOCK_APP, fileOps: this.options.fileOps };
    const store = path === undefined ? undefined : await this.openFile(path, limits);
    if (store === undefined) {
      this.problem ??= 'VS Code gave this extension no storage folder for the history.';
      this.log.warn(this.problem);
    }
    this.current = store ?? createMemoryStore(limits);
    this.subscriptions = this.subscribe(this.current);
    this.changes.fire({ type: 'reset' });
    const warning = this.problem === undefined ? this.notice : `${this.problem} Events are shown but not kept, and the listener does not start until this is fixed.`;
    return warning;
  }

  async close(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.dispose();
    await this.current.close().catch((error: unknown) => this.log.error(`could not close the history: ${String(error)}`));
  }

  async dispose(): Promise<void> {
    await this.close();
    this.changes.dispose();
    this.writeProblems.dispose();
  }

  private subscribe(store: WebhookStore): { dispose(): void }[] {
    return [store.onDidChange((change) => this.changes.fire(change)), store.onDidChangeWriteProblem((problem) => this.writeProblems.fire(problem))];
  }

  /** Opens `path`, waiting a moment for a window that is reloading to let go of it. */
  private async openReleased(path: string, options: StoreOptions): Promise<OpenStoreResult> {
    let result = await openFileStore(path, options);
    for (let waited = 0; !result.ok && result.reason === 'locked' && waited < (this.options.releaseWaitMs ?? RELEASE_WAIT_MS); waited += POLL_MS) {
      await sleep(POLL_MS);
      result = await openFileStore(path, options);
    }
    return result;
  }

  /** The store of the usual file, else of this window's own file; undefined (with `problem` set) when none can be used. */
  private async openFile(path: string, options: StoreOptions): Promise<WebhookStore | undefined> {
    let holder: LockHolder | undefined;
    for (const candidate of [path, ...ownFiles(path)]) {
      const result = candidate === path ? await this.openReleased(candidate, options) : await openFileStore(candidate, options);
      if (result.ok) {
        this.log.info(`history ${candidate}: ${result.report.loaded} event(s) loaded, keeping the last ${options.maxRecords} within ${(options.maxBytes ?? 0) / MB} MB`);
        if (holder !== undefined) this.notice = `The Postal history in ${path} is in use by ${describeHolder(holder)}, so this window keeps its own history in ${candidate}.`;
        if (this.notice !== undefined) this.log.warn(this.notice);
        return result.store;
      }
      if (result.reason === 'unusable') {
        this.problem = result.message;
        return undefined;
      }
      holder ??= result.holder;
    }
    this.problem = `The Postal history files next to ${path} are all in use by other windows (${describeHolder(holder as LockHolder)}): close one of them.`;
    return undefined;
  }
}

/** `…/history-2.jsonl`, `…/history-3.jsonl`, …: where a window keeps its own history. */
function ownFiles(path: string): string[] {
  const dot = path.lastIndexOf('.');
  const [stem, extension] = dot > path.lastIndexOf('/') && dot > path.lastIndexOf('\\') ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  return Array.from({ length: OWN_FILES }, (_, index) => `${stem}-${index + 2}${extension}`);
}
