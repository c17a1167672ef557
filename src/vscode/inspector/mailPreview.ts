import * as vscode from 'vscode';
import { type MailAttachmentInfo } from '../../core/inbound/parsedMail';
import { MAIL_ACTION, mailPage, mailTitle } from '../../core/inspector/mailPage';
import { missingRequestPage } from '../../core/inspector/requestPage';
import { readRecordMail } from '../../core/inspector/readMail';
import { attachmentFileName, isTextAttachment } from '../../core/inspector/attachmentFiles';
import { COMMAND } from '../commandIds';
import { type HistoryChange, type HistoryService, recordsTouched } from '../listener/historyService';
import { type PanelContent, type PanelSnapshot, WebviewPanels } from '../webview/webviewPanels';

/** Read-only documents of text attachments: `postal-attachment:/<record id>/<index>/<file name>`. */
export const ATTACHMENT_SCHEME = 'postal-attachment';

/** What opening or saving an attachment did, for tests. */
export interface AttachmentResult {
  uri: string;
  /** `text`: opened read-only in an editor; `file`: written where the user chose. */
  as: 'text' | 'file';
}

/**
 * The mail preview: one panel per inbound request showing the mail it carries (see `mailPage`),
 * and its attachments, decoded, opened as read-only text or saved where the user chooses.
 */
export class MailPreview implements vscode.Disposable, vscode.TextDocumentContentProvider {
  private readonly panels: WebviewPanels;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly history: HistoryService,
    extensionUri: vscode.Uri,
  ) {
    this.panels = new WebviewPanels({
      viewType: 'postalWebhooks.mail',
      extensionUri,
      actions: new Set<string>(Object.values(MAIL_ACTION)),
      onAction: ({ key, action, argument }) => this.act(key, action, argument),
      inlineStyles: true,
    });
    this.disposables.push(
      this.panels,
      vscode.workspace.registerTextDocumentContentProvider(ATTACHMENT_SCHEME, this),
      history.onDidChange((change) => void this.onHistoryChange(change)),
    );
  }

  /** Opens (or reveals) the mail of an inbound record; false when it is not one, or gone. */
  async open(recordId: string): Promise<boolean> {
    const entry = this.history.store.get(recordId);
    if (entry === undefined || entry.kind !== 'inbound') return false;
    this.panels.show(recordId, await this.content(recordId));
    return true;
  }

  snapshot(recordId: string): PanelSnapshot | undefined {
    return this.panels.snapshot(recordId);
  }

  openIds(): string[] {
    return this.panels.keys();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Opens an attachment: text in a read-only editor; anything else saved first, then opened as VS Code can. */
  async openAttachment(recordId: string, index: number): Promise<AttachmentResult | undefined> {
    const found = await this.attachment(recordId, index);
    if (found === undefined) return undefined;
    const { attachment, data } = found;
    if (isTextAttachment(attachment.contentType, data)) {
      const uri = vscode.Uri.from({ scheme: ATTACHMENT_SCHEME, path: `/${recordId}/${index}/${attachmentFileName(attachment.filename, index)}` });
      await vscode.window.showTextDocument(uri, { preview: true });
      return { uri: uri.toString(), as: 'text' };
    }
    const saved = await this.saveAttachment(recordId, index);
    if (saved !== undefined) await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(saved.uri));
    return saved;
  }

  /** Saves an attachment, decoded, where the user chooses (`target` skips the dialog). */
  async saveAttachment(recordId: string, index: number, target?: vscode.Uri): Promise<AttachmentResult | undefined> {
    const found = await this.attachment(recordId, index);
    if (found === undefined) return undefined;
    const name = attachmentFileName(found.attachment.filename, index);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = target ?? (await vscode.window.showSaveDialog({ title: `Save ${name}`, defaultUri: folder === undefined ? undefined : vscode.Uri.joinPath(folder, name), saveLabel: 'Save Attachment' }));
    if (uri === undefined) return undefined;
    await vscode.workspace.fs.writeFile(uri, found.data);
    vscode.window.setStatusBarMessage(`$(check) Saved ${name} (${found.data.length.toLocaleString('en-US')} bytes)`, 3000);
    return { uri: uri.toString(), as: 'file' };
  }

  /** The text of an attachment document, decoded as UTF-8. */
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const [, recordId, index] = uri.path.split('/');
    const found = await this.attachment(recordId, Number(index), { quiet: true });
    return found === undefined ? '(This attachment is no longer in the history.)' : found.data.toString('utf8');
  }

  private async attachment(recordId: string, index: number, { quiet = false } = {}): Promise<{ attachment: MailAttachmentInfo; data: Buffer } | undefined> {
    const tell = (message: string): undefined => {
      if (!quiet) void vscode.window.showWarningMessage(`Postal: ${message}`);
      return undefined;
    };
    const record = this.history.store.read(recordId);
    if (record === undefined) return tell('this mail is no longer in the history.');
    const read = await readRecordMail(record);
    if (!read.ok) return tell(read.problem);
    const attachment = read.read.mail.attachments[index];
    if (!Number.isInteger(index) || attachment === undefined) return tell('the mail has no such attachment.');
    const data = attachment.data();
    if (data === undefined) return tell(`${attachment.filename || 'the attachment'} has no data that can be decoded: its base64 is broken.`);
    return { attachment, data };
  }

  private async content(recordId: string): Promise<PanelContent> {
    const record = this.history.store.read(recordId);
    if (record === undefined) return { title: 'Mail gone', body: missingRequestPage('This mail is no longer in the history, or could not be read back from the history file.') };
    const read = await readRecordMail(record);
    if (!read.ok) return { title: mailTitle(record.inbound?.subject), body: missingRequestPage(read.problem) };
    return { title: mailTitle(read.read.mail.subject), body: mailPage(record, read.read) };
  }

  private async onHistoryChange(change: HistoryChange): Promise<void> {
    const open = this.panels.keys();
    if (open.length === 0) return;
    for (const id of recordsTouched(change, open)) if (this.panels.has(id)) this.panels.update(id, await this.content(id));
  }

  private async act(recordId: string, action: string, argument: string | undefined): Promise<unknown> {
    if (action === MAIL_ACTION.inspect) return vscode.commands.executeCommand(COMMAND.openRequest, recordId);
    const index = Number(argument);
    if (action === MAIL_ACTION.openAttachment) return this.openAttachment(recordId, index);
    if (action === MAIL_ACTION.saveAttachment) return this.saveAttachment(recordId, index);
    return undefined;
  }
}
