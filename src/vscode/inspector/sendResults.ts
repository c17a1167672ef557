import * as vscode from 'vscode';
import { sendPage, sendPageTitle } from '../../core/inspector/sendPage';
import { type SentItem } from '../../core/replay/sendReport';
import { type PanelSnapshot, WebviewPanels } from '../webview/webviewPanels';

const PANEL_KEY = 'answers';

/** The answers to test events and replays, rendered: one panel, showing the latest send. */
export class SendResults implements vscode.Disposable {
  private readonly panels: WebviewPanels;

  constructor(extensionUri: vscode.Uri) {
    this.panels = new WebviewPanels({ viewType: 'postalWebhooks.answers', extensionUri, actions: new Set(), onAction: () => undefined });
  }

  show(items: readonly SentItem[], sentAt: Date): void {
    this.panels.show(PANEL_KEY, { title: sendPageTitle(items), body: sendPage(items, sentAt) }, { preserveFocus: true, column: vscode.ViewColumn.Beside });
  }

  snapshot(): PanelSnapshot | undefined {
    return this.panels.snapshot(PANEL_KEY);
  }

  dispose(): void {
    this.panels.dispose();
  }
}
