import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { type HistoryService } from './historyService';
import { type ListenerController } from './listenerController';
import { type ListenerStatus, listenerStatus } from './listenerStatus';

const UPDATE_DEBOUNCE_MS = 100;

/**
 * The status bar item (`$(radio-tower) Postal :8789 · 12`): state, port and event count, a
 * tooltip with the URL and key, and a click that opens the listener menu.
 * Hidden while the listener is stopped and the history empty, to stay out of unrelated work.
 */
export class ListenerStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('postalWebhooks.listener', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  /** The last status shown, for tests. */
  current: ListenerStatus | undefined;

  constructor(
    private readonly controller: ListenerController,
    private readonly history: HistoryService,
  ) {
    this.item.name = 'Postal Webhooks Listener';
    this.item.command = COMMAND.listenerMenu;
    this.disposables = [
      this.item,
      controller.onDidChangeState(() => this.update()),
      controller.onDidChangeRefusals(() => this.update()),
      history.onDidChange(() => this.scheduleUpdate()),
      history.onDidChangeWriteProblem(() => this.update()),
    ];
    this.update();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private scheduleUpdate(): void {
    this.timer ??= setTimeout(() => this.update(), UPDATE_DEBOUNCE_MS);
  }

  update(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const count = this.history.store.size;
    const notes = { notice: this.history.notice, writeProblem: this.history.store.writeProblem };
    const status = listenerStatus(this.controller, count, notes);
    this.current = status;
    this.item.text = status.statusText;
    const tooltip = new vscode.MarkdownString(status.tooltip, true);
    this.item.tooltip = tooltip;
    this.item.backgroundColor = status.state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.accessibilityInformation = { label: `Postal webhook listener: ${status.line}` };
    if (status.state !== 'stopped' || count > 0) this.item.show();
    else this.item.hide();
  }
}
