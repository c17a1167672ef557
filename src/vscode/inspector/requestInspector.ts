import * as vscode from 'vscode';
import { INSPECTOR_ACTION, type InspectorAction, inspectorTitle, missingRequestPage, requestPage } from '../../core/inspector/requestPage';
import { COMMAND } from '../commandIds';
import { type HistoryChange, type HistoryService, recordsTouched } from '../listener/historyService';
import { type PageRequest, type PanelContent, type PanelSnapshot, WebviewPanels } from '../webview/webviewPanels';

/** The commands behind the inspector's buttons; each gets the record id (and copy-as-curl an option). */
const ACTION_COMMANDS: Record<InspectorAction, (id: string) => [string, ...unknown[]]> = {
  replay: (id) => [COMMAND.replayEvent, id],
  replayWithEdits: (id) => [COMMAND.replayWithEdits, id],
  copyCurl: (id) => [COMMAND.exportAsCurl, id, undefined, { copyOnly: true }],
  openBody: (id) => [COMMAND.openEvent, id],
  timeline: (id) => [COMMAND.showMessageTimeline, id],
  showMail: (id) => [COMMAND.showMail, id],
};

/**
 * The request inspector: one webview panel per request, revealed when it is opened again. Its
 * headers and body are read from the history file each time it is drawn; it is drawn again when
 * the record changes (a forward's late answer, a new signature verdict) or leaves the history.
 */
export class RequestInspector implements vscode.Disposable {
  private readonly panels: WebviewPanels;
  private readonly subscription: vscode.Disposable | { dispose(): void };

  constructor(
    private readonly history: HistoryService,
    extensionUri: vscode.Uri,
  ) {
    this.panels = new WebviewPanels({
      viewType: 'postalWebhooks.inspector',
      extensionUri,
      actions: new Set<string>(Object.values(INSPECTOR_ACTION)),
      onAction: (request) => this.act(request),
    });
    this.subscription = history.onDidChange((change) => this.onHistoryChange(change));
  }

  /** Opens (or reveals) the inspector of a record; false when it is not in the history. */
  open(recordId: string, options: { preserveFocus?: boolean } = {}): boolean {
    if (this.history.store.get(recordId) === undefined) return false;
    this.panels.show(recordId, this.content(recordId), options);
    return true;
  }

  snapshot(recordId: string): PanelSnapshot | undefined {
    return this.panels.snapshot(recordId);
  }

  openIds(): string[] {
    return this.panels.keys();
  }

  dispose(): void {
    this.subscription.dispose();
    this.panels.dispose();
  }

  private content(recordId: string): PanelContent {
    const entry = this.history.store.get(recordId);
    if (entry === undefined) return { title: 'Request gone', body: missingRequestPage('This request is no longer in the history: deleted, cleared, or pushed out by newer requests.') };
    const record = this.history.store.read(recordId);
    if (record === undefined) return { title: inspectorTitle(entry), body: missingRequestPage('This request could not be read back from the history file: it was changed or damaged there (see the log).') };
    return { title: inspectorTitle(record), body: requestPage(record) };
  }

  private onHistoryChange(change: HistoryChange): void {
    const open = this.panels.keys();
    if (open.length === 0) return;
    for (const id of recordsTouched(change, open)) if (this.panels.has(id)) this.panels.update(id, this.content(id));
  }

  private async act({ key, action }: PageRequest): Promise<void> {
    const [command, ...args] = ACTION_COMMANDS[action as InspectorAction](key);
    await vscode.commands.executeCommand(command, ...args);
  }
}
