import * as vscode from 'vscode';

/** The scheme of our read-only documents (send results, exports). */
export const POSTAL_SCHEME = 'postal-webhooks';
/** Older documents are forgotten; VS Code shows an empty one if it is reopened after that. */
const MAX_DOCUMENTS = 30;

/**
 * Read-only virtual documents with text we made (the answer to a send, for instance): they open
 * like files, cannot be saved by accident and leave nothing on disk.
 */
export class ResponseDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  private counter = 0;
  readonly onDidChange = this.changes.event;

  /** Keeps `text` under a new URI whose file name ends in `name` (its extension picks the language). */
  create(name: string, text: string): vscode.Uri {
    this.counter += 1;
    const uri = vscode.Uri.from({ scheme: POSTAL_SCHEME, path: `/${this.counter}/${name.replace(/[/\\]/g, '-')}` });
    this.texts.set(uri.toString(), text);
    while (this.texts.size > MAX_DOCUMENTS) this.texts.delete(this.texts.keys().next().value as string);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This result is no longer kept; send the event again to see a new one.';
  }

  /**
   * Creates the document and shows it as text. (A Markdown report opens as source: the rendered
   * preview of a virtual document sometimes stays blank, and the editor title offers the preview.)
   */
  async show(name: string, text: string): Promise<vscode.Uri> {
    const uri = this.create(name, text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
    return uri;
  }

  dispose(): void {
    this.changes.dispose();
    this.texts.clear();
  }
}
