import { Emitter, type Event } from '../../core/emitter';
import { type Logger } from '../../core/logger';
import { createMemoryStore, openFileStore, type StoreChange, type WebhookStore } from '../../core/store';

/** A store change, or `reset` when the whole store was replaced (opened, or reopened with another size). */
export type HistoryChange = StoreChange | { type: 'reset' };

/**
 * Owns the request history behind the Events view: the listener's JSONL file in the
 * extension's storage, loaded at activation so past events show before the listener starts.
 * It re-emits the store's changes so views need not care when the store is swapped.
 * Free of `vscode`, so it is tested in plain Node.
 */
export class HistoryService {
  private current: WebhookStore = createMemoryStore();
  private subscription = this.current.onDidChange((change) => this.changes.fire(change));
  private readonly changes: Emitter<HistoryChange>;
  readonly onDidChange: Event<HistoryChange>;
  private opened: { path: string | undefined; maxEvents: number } | undefined;

  constructor(private readonly log: Logger) {
    this.changes = new Emitter((error) => log.error(`a history subscriber failed: ${String(error)}`));
    this.onDidChange = this.changes.event;
  }

  get store(): WebhookStore {
    return this.current;
  }

  /** Where the history lives, for the log and the status tooltip; undefined when in memory only. */
  get path(): string | undefined {
    return this.current.path;
  }

  /** Whether `open(path, maxEvents)` would change anything. */
  differsFrom(path: string | undefined, maxEvents: number): boolean {
    return this.opened === undefined || this.opened.path !== path || this.opened.maxEvents !== maxEvents;
  }

  /**
   * Opens the history at `path` (memory only when undefined or unusable: a warning is logged and
   * returned, and events still show until VS Code closes). Reopening with the same path and
   * size does nothing. The caller stops the listener first: it writes to the old store.
   */
  async open(path: string | undefined, maxEvents: number): Promise<string | undefined> {
    if (!this.differsFrom(path, maxEvents)) return undefined;
    await this.close();
    this.opened = { path, maxEvents };
    let warning: string | undefined;
    let store: WebhookStore;
    if (path === undefined) {
      store = createMemoryStore({ maxRecords: maxEvents, logger: this.log });
    } else {
      const result = await openFileStore(path, { maxRecords: maxEvents, logger: this.log });
      if (result.ok) {
        store = result.store;
        this.log.info(`history ${path}: ${result.report.loaded} event(s) loaded, keeping the last ${maxEvents}`);
      } else {
        warning = `${result.message} Events are kept in memory until VS Code closes.`;
        this.log.warn(warning);
        store = createMemoryStore({ maxRecords: maxEvents, logger: this.log });
      }
    }
    this.current = store;
    this.subscription = store.onDidChange((change) => this.changes.fire(change));
    this.changes.fire({ type: 'reset' });
    return warning;
  }

  async close(): Promise<void> {
    this.subscription.dispose();
    await this.current.close().catch((error: unknown) => this.log.error(`could not close the history: ${String(error)}`));
  }

  async dispose(): Promise<void> {
    await this.close();
    this.changes.dispose();
  }
}
