import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { type VerificationKeys } from '../../core/signature';
import { type RecheckResult } from '../../core/store/recheckSignatures';
import { type HistoryService } from './historyService';

/** Above this many requests the check gets a notification the user can cancel; below, the status bar spins. */
const NOTIFY_ABOVE = 200;

/**
 * Keeps the history's signature verdicts true to the keys in use: when Postal's key or the
 * development key changes (or a history is opened), every stored request they may judge
 * differently is checked again from its raw body, in the background, and the new verdict is
 * stored, so the Events view's rows and hovers follow, also after a restart. A newer run
 * cancels an older one.
 */
export class SignatureRechecker implements vscode.Disposable {
  private current: AbortController | undefined;
  /** The latest run: resolves to what it did (undefined when nothing was stale or it was superseded). */
  last: Promise<RecheckResult | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly history: HistoryService,
    private readonly keys: () => Promise<VerificationKeys>,
    private readonly log: Logger,
  ) {}

  schedule(): Promise<RecheckResult | undefined> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    this.last = this.last
      .catch(() => undefined)
      .then(() => (controller.signal.aborted ? undefined : this.run(controller.signal)))
      .catch((error: unknown) => {
        this.log.error(`checking stored signatures again failed: ${String(error)}`);
        return undefined;
      });
    return this.last;
  }

  dispose(): void {
    this.current?.abort();
  }

  private async run(signal: AbortSignal): Promise<RecheckResult | undefined> {
    const keys = await this.keys();
    // Verifying loads with the first check, not with the extension.
    const { needsRecheck, recheckSignatures } = await import('../../core/store/recheckSignatures.js');
    const store = this.history.store;
    const stale = store.list().filter((entry) => needsRecheck(entry, keys)).length;
    if (stale === 0 || signal.aborted) return undefined;
    const title = `Postal: checking the signatures of ${stale} stored request${stale === 1 ? '' : 's'} with the current key`;
    const location = stale > NOTIFY_ABOVE ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    const result = await vscode.window.withProgress({ location, title, cancellable: true }, (progress, token) => {
      const cancelled = new AbortController();
      token.onCancellationRequested(() => cancelled.abort());
      let reported = 0;
      return recheckSignatures(store, keys, {
        signal: AbortSignal.any([signal, cancelled.signal]),
        onProgress: ({ done, total }) => {
          progress.report({ message: `${done} of ${total}`, increment: ((done - reported) / total) * 100 });
          reported = done;
        },
      });
    });
    const cut = result.cancelled ? ` (stopped after ${result.done} of ${result.total})` : '';
    this.log.info(`checked ${result.done} stored signature(s) again with the current keys: ${result.changed} verdict(s) changed${cut}`);
    return result;
  }
}
