import * as vscode from 'vscode';
import { type HistoryEntry, type WebhookRecord } from '../../core/store';
import { type HistoryService } from '../listener/historyService';

/** Deleted requests are kept this long for Undo, then let go. */
const UNDO_MS = 5 * 60_000;
/** Deletions larger than this are not kept for Undo (they are asked about first instead). */
const UNDO_MAX_BYTES = 64 * 1024 * 1024;

/** What an undone delete did: how many requests came back. */
export type UndoResult = { restored: number } | { restored: 0; reason: string };

/**
 * Delete, with Undo in the notification: the deleted requests are read whole (headers and
 * bodies) before they go, kept in memory for a few minutes, and put back in their places when
 * the user asks. A deletion too large to keep is confirmed first, as one that cannot be undone.
 */
export class DeleteEvents implements vscode.Disposable {
  private last: { records: WebhookRecord[]; timer: NodeJS.Timeout } | undefined;

  constructor(private readonly history: HistoryService) {}

  async delete(entries: readonly HistoryEntry[], { confirm = true }: { confirm?: boolean } = {}): Promise<number> {
    if (entries.length === 0) return 0;
    const bytes = entries.reduce((sum, entry) => sum + entry.body.size, 0);
    const keep = bytes <= UNDO_MAX_BYTES;
    if (!keep && confirm && !(await confirmPermanent(entries.length))) return 0;
    const records = keep ? entries.map((entry) => this.history.store.read(entry.id)).filter((record): record is WebhookRecord => record !== undefined) : [];
    const deleted = await this.history.store.delete(entries.map((entry) => entry.id));
    this.forget();
    if (deleted > 0 && records.length > 0) {
      this.last = { records, timer: setTimeout(() => this.forget(), UNDO_MS) };
      void this.offerUndo(deleted);
    }
    return deleted;
  }

  /** Puts the last deleted requests back, if they are still kept. */
  async undo(): Promise<UndoResult> {
    const last = this.last;
    if (last === undefined) return { restored: 0, reason: 'Nothing to undo: deleted events are kept for 5 minutes.' };
    this.forget();
    return { restored: await this.history.store.restore(last.records) };
  }

  dispose(): void {
    this.forget();
  }

  private forget(): void {
    clearTimeout(this.last?.timer);
    this.last = undefined;
  }

  private async offerUndo(count: number): Promise<void> {
    const undo = 'Undo';
    if ((await vscode.window.showInformationMessage(`Postal: deleted ${count} event${count === 1 ? '' : 's'}.`, undo)) !== undo) return;
    const result = await this.undo();
    if ('reason' in result) void vscode.window.showInformationMessage(`Postal: ${result.reason}`);
    else vscode.window.setStatusBarMessage(`$(check) Postal: ${result.restored} event${result.restored === 1 ? '' : 's'} restored`, 4000);
  }
}

async function confirmPermanent(count: number): Promise<boolean> {
  const remove = 'Delete';
  const answer = await vscode.window.showWarningMessage(`Delete ${count} event${count === 1 ? '' : 's'}?`, { modal: true, detail: 'They are too large to keep for Undo: this cannot be undone.' }, remove);
  return answer === remove;
}
