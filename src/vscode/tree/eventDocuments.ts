import * as vscode from 'vscode';
import { eventDocumentText, hasJsonBody, requestDocumentText } from '../../core/explorer';
import { recordLabel } from '../../core/replay/recordRequest';
import { type RecordBasics } from '../../core/store';
import { type HistoryService } from '../listener/historyService';

/** Read-only documents of received events: the envelope as JSON, and the whole request as Markdown. */
export const EVENT_SCHEME = 'postal-webhooks-event';

type DocumentKind = 'event' | 'request';

/** File names cannot hold every character an event name or path may contain. */
function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|#%\s]+/g, ' ').trim().slice(0, 80) || 'request';
}

/** `postal-webhooks-event:/MessageSent 8a3f0c6e.json?id=…`: the path gives the editor tab its title. */
export function eventDocumentUri(record: RecordBasics, kind: DocumentKind): vscode.Uri {
  const name = safeName(recordLabel(record));
  const file = kind === 'request' ? `${name} request.md` : `${name}.${hasJsonBody(record) ? 'json' : 'txt'}`;
  return vscode.Uri.from({ scheme: EVENT_SCHEME, path: `/${file}`, query: new URLSearchParams({ id: record.id, kind }).toString() });
}

/**
 * Serves both kinds from the history by record id, and refreshes open documents when a
 * record changes (a forward result arriving after the answer to Postal).
 */
export class EventDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this._onDidChange.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly history: HistoryService) {
    this.subscription = history.onDidChange((change) => {
      if (change.type !== 'updated') return;
      for (const kind of ['event', 'request'] as const) this._onDidChange.fire(eventDocumentUri(change.record, kind));
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const query = new URLSearchParams(uri.query);
    const id = query.get('id') ?? '';
    if (this.history.store.get(id) === undefined) return 'This event is no longer in the history (deleted, cleared, or pushed out by newer events).\n';
    // Headers and bodies are read from the history file, and checked again there.
    const record = this.history.store.read(id);
    if (record === undefined) return 'This event could not be read back from the history file: it was changed or damaged there (see the log).\n';
    return query.get('kind') === 'request' ? requestDocumentText(record) : eventDocumentText(record);
  }

  dispose(): void {
    this.subscription.dispose();
    this._onDidChange.dispose();
  }
}

export async function openEventDocument(record: RecordBasics): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(eventDocumentUri(record, 'event'));
  return vscode.window.showTextDocument(document, { preview: true, preserveFocus: false });
}

/** The request as Markdown source, which always renders; the editor title offers the preview. */
export async function openRequestDocument(record: RecordBasics): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(eventDocumentUri(record, 'request'));
  return vscode.window.showTextDocument(document, { preview: true });
}
