import * as vscode from 'vscode';
import { eventDocumentText, hasJsonBody } from '../../core/explorer';
import { recordLabel } from '../../core/replay/recordRequest';
import { type RecordBasics } from '../../core/store';
import { type HistoryService } from '../listener/historyService';

/** Read-only documents of received events: the envelope as JSON (the whole request has the inspector). */
export const EVENT_SCHEME = 'postal-webhooks-event';

/** File names cannot hold every character an event name or path may contain. */
function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|#%\s]+/g, ' ').trim().slice(0, 80) || 'request';
}

/** `postal-webhooks-event:/MessageSent 8a3f0c6e.json?id=…`: the path gives the editor tab its title. */
export function eventDocumentUri(record: RecordBasics): vscode.Uri {
  const file = `${safeName(recordLabel(record))}.${hasJsonBody(record) ? 'json' : 'txt'}`;
  return vscode.Uri.from({ scheme: EVENT_SCHEME, path: `/${file}`, query: new URLSearchParams({ id: record.id }).toString() });
}

/** Serves the documents from the history by record id, and refreshes open ones when a record changes. */
export class EventDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this._onDidChange.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly history: HistoryService) {
    this.subscription = history.onDidChange((change) => {
      if (change.type === 'updated') this._onDidChange.fire(eventDocumentUri(change.record));
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const query = new URLSearchParams(uri.query);
    const id = query.get('id') ?? '';
    if (this.history.store.get(id) === undefined) return 'This event is no longer in the history (deleted, cleared, or pushed out by newer events).\n';
    // Headers and bodies are read from the history file, and checked again there.
    const record = this.history.store.read(id);
    if (record === undefined) return 'This event could not be read back from the history file: it was changed or damaged there (see the log).\n';
    return eventDocumentText(record);
  }

  dispose(): void {
    this.subscription.dispose();
    this._onDidChange.dispose();
  }
}

export async function openEventDocument(record: RecordBasics): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(eventDocumentUri(record));
  return vscode.window.showTextDocument(document, { preview: true, preserveFocus: false });
}
