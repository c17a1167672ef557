import * as vscode from 'vscode';
import { encodeJsonText } from '../../core/replay/jsonText';
import { numberKindsFor } from '../../core/replay/numberKinds';
import { describeProblems, readPayloadFile } from '../../core/replay/payloadFile';
import { recordBodyBytes, recordLabel, requestFromRecord } from '../../core/replay/recordRequest';
import { type SentItem } from '../../core/replay/sendReport';
import { type WebhookRecord } from '../../core/store';
import { COMMAND } from '../commandIds';
import { registerGuarded } from '../guarded';
import { signedOutgoing } from './outgoing';
import { recordsFromArgs } from './recordArgs';
import { type Outgoing, type ReplayServices } from './replayServices';
import { sendTo } from './replayCommands';

/** Set while the active editor is a "Replay with Edits" copy, for the editor title's Send button. */
const EDIT_ACTIVE_CONTEXT = 'postalWebhooks.replayEditActive';

interface EditSession {
  record: WebhookRecord;
  originalText: string;
}

export interface SendEditedOptions {
  target?: string;
  /** For an unedited copy: send the captured request untouched, or re-encode and sign. Asked when absent. */
  mode?: 'original' | 'resign';
}

/**
 * "Replay with Edits": an editable JSON copy of a captured envelope, with a Send lens. An edited
 * copy is re-encoded as Postal would and signed with the development key; an unedited one can
 * also go out exactly as it was captured, original signature included.
 */
export class ReplayEdits implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly sessions = new Map<string, EditSession>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: ReplayServices) {
    this.disposables.push(
      vscode.languages.registerCodeLensProvider({ scheme: 'untitled', language: 'json' }, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.sessions.delete(document.uri.toString())),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.updateContext(editor)),
      registerGuarded(COMMAND.replayWithEdits, 'Replay with Edits', services.log, (first?: unknown, second?: unknown) => this.open(first, second)),
      registerGuarded(COMMAND.sendEditedReplay, 'Send Edited Event', services.log, (uri?: vscode.Uri, options?: SendEditedOptions) => this.send(uri, options)),
    );
  }

  async open(first?: unknown, second?: unknown): Promise<vscode.TextDocument | undefined> {
    const [record] = recordsFromArgs(first, second, this.services.readRecord);
    if (record === undefined) {
      void vscode.window.showInformationMessage('Postal: pick a request in the Events view to replay with edits.');
      return undefined;
    }
    const bytes = recordBodyBytes(record.body);
    const text = typeof bytes === 'string' ? undefined : encodeJsonText(bytes.toString('utf8'), numberKindsFor, 2);
    if (text === undefined || !text.ok) {
      void vscode.window.showWarningMessage(`Postal: the body of ${recordLabel(record)} is not JSON, so it cannot be edited as an event. "Replay Event" sends it as it was.`);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: text.json + '\n' });
    this.sessions.set(document.uri.toString(), { record, originalText: document.getText() });
    await vscode.window.showTextDocument(document);
    this.updateContext(vscode.window.activeTextEditor);
    return document;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const session = this.sessions.get(document.uri.toString());
    if (session === undefined) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const edited = document.getText() !== session.originalText;
    return [
      new vscode.CodeLens(top, { title: '$(send) Send…', command: COMMAND.sendEditedReplay, arguments: [document.uri], tooltip: 'Send this event to a URL you pick' }),
      new vscode.CodeLens(top, {
        title: `Replay of ${recordLabel(session.record)}, ${edited ? 'edited: it will be re-encoded and signed with the development key' : 'unedited'}`,
        command: '',
      }),
    ];
  }

  private async send(uri?: vscode.Uri, options: SendEditedOptions = {}): Promise<SentItem[] | undefined> {
    const document = uri === undefined ? vscode.window.activeTextEditor?.document : vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    const session = document === undefined ? undefined : this.sessions.get(document.uri.toString());
    if (document === undefined || session === undefined) {
      void vscode.window.showInformationMessage('Postal: this is not a "Replay with Edits" copy. Use "Postal: Replay Event" to send a payload file.');
      return undefined;
    }
    const text = document.getText();
    const mode = text === session.originalText ? (options.mode ?? (await askMode())) : 'resign';
    if (mode === undefined) return undefined;
    const label = recordLabel(session.record);
    if (mode === 'original') {
      return sendTo((url): Outgoing[] => {
        const result = requestFromRecord(session.record, url);
        if (!result.ok) throw new Error(result.problem);
        return [{ label: `${label} (as captured)`, request: result.request }];
      }, this.services, `Replay ${label}`, options.target);
    }
    const file = readPayloadFile(text, 'edited.json');
    if (file.problems.length > 0) {
      void vscode.window.showErrorMessage(`Postal: the edited event is not valid JSON, so nothing was sent. ${describeProblems(file.problems)}`);
      return undefined;
    }
    return sendTo((url) => signedOutgoing(file.payloads.map((payload) => ({ ...payload, label: `${label} (edited)` })), url, this.services), this.services, `Replay ${label}`, options.target);
  }

  private updateContext(editor: vscode.TextEditor | undefined): void {
    const active = editor !== undefined && this.sessions.has(editor.document.uri.toString());
    void vscode.commands.executeCommand('setContext', EDIT_ACTIVE_CONTEXT, active);
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
    this.sessions.clear();
  }
}

async function askMode(): Promise<'original' | 'resign' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: '$(lock) Send the captured request untouched', detail: 'Same bytes and headers, so a signature from your Postal server stays valid.', mode: 'original' as const },
      { label: '$(key) Re-encode and sign with the development key', detail: 'As Postal would encode this envelope, signed with the key "Export Development Public Key" gives out.', mode: 'resign' as const },
    ],
    { title: 'The copy is unedited: how should it go out?' },
  );
  return picked?.mode;
}
