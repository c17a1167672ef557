import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { type EditableRequest, editableText, parseEditableText } from '../../core/replay/editableRequest';
import { describeSignaturePlan, planReplay, planRequest, REGENERATED_NOTE, type ReplayPlan } from '../../core/replay/editedReplay';
import { encodeJsonText } from '../../core/replay/jsonText';
import { numberKindsFor } from '../../core/replay/numberKinds';
import { recordBodyBytes, recordLabel } from '../../core/replay/recordRequest';
import { type SentItem } from '../../core/replay/sendReport';
import { withoutHopByHopHeaders } from '../../core/http';
import { type WebhookRecord } from '../../core/store';
import { COMMAND } from '../commandIds';
import { registerGuarded } from '../guarded';
import { recordsFromArgs } from '../itemArgs';
import { type ReplayServices } from './replayServices';
import { sendTo } from './replayCommands';
import { pickTarget } from './sendTargets';

/** Set while the active editor is a "Replay with Edits" copy, for the editor title's Send button. */
const EDIT_ACTIVE_CONTEXT = 'postalWebhooks.replayEditActive';
/** The lens that flips between a new uuid and the original one. */
const TOGGLE_UUID_COMMAND = 'postalWebhooks.replayEdit.toggleUuid';
const CHANGE_URL_COMMAND = 'postalWebhooks.replayEdit.changeUrl';

interface EditSession {
  record: WebhookRecord;
  capturedBody: Buffer;
  initial: EditableRequest;
  keepUuid: boolean;
  /** The uuid the next send of an edited body gets: the one the lens shows. */
  nextUuid: string;
}

export interface SendEditedOptions {
  /** Send there instead of the URL in the copy. */
  target?: string;
  /** Keep the envelope uuid of an edited body (default: a new one). */
  keepUuid?: boolean;
}

/** What a captured request looks like to edit: its body pretty (JSON) or as it came (text), its headers less the per-connection ones. */
function editableOf(record: WebhookRecord, url: string): { request: EditableRequest; capturedBody: Buffer } | string {
  const bytes = recordBodyBytes(record.body);
  if (typeof bytes === 'string') return bytes;
  if (record.body.encoding !== 'utf8') return 'Its body is binary, so it cannot be edited as text. "Replay Event" sends it as it was.';
  const pretty = encodeJsonText(bytes.toString('utf8'), numberKindsFor, 2);
  const body = pretty.ok ? pretty.json : bytes.toString('utf8');
  return { request: { method: 'POST', url, headers: withoutHopByHopHeaders(record.headers.raw), body }, capturedBody: bytes };
}

/**
 * "Replay with Edits": an editable copy of a captured request, laid out like a REST Client
 * `.http` file (request line with the URL, headers, blank line, body), with lenses that say what
 * will go out. An unchanged body goes out as captured, its signature intact; an edited one is
 * re-encoded as Postal would, signed again with the development key, and (unless asked not to)
 * gets a new envelope uuid, since it is a new event rather than a retry.
 */
export class ReplayEdits implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly sessions = new Map<string, EditSession>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private kid: string | undefined;

  constructor(private readonly services: ReplayServices) {
    this.disposables.push(
      this.lensesChanged,
      vscode.languages.registerCodeLensProvider({ scheme: 'untitled' }, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.sessions.delete(document.uri.toString())),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.updateContext(editor)),
      vscode.commands.registerCommand(TOGGLE_UUID_COMMAND, (uri: vscode.Uri) => this.toggleUuid(uri)),
      registerGuarded(CHANGE_URL_COMMAND, 'Change URL', services.log, (uri: vscode.Uri) => this.changeUrl(uri)),
    );
  }

  /** Where the copy is sent unless the user changes it: the configured default, else our own listener at the captured path. */
  private initialUrl(record: WebhookRecord): string {
    const configured = this.services.settings().defaultTarget;
    if (configured !== '') return configured;
    const own = this.services.targets.ownListenerUrl();
    return own === undefined ? `http://127.0.0.1:8789${record.path}` : new URL(record.path, own).toString();
  }

  async open(first?: unknown, second?: unknown): Promise<vscode.TextDocument | undefined> {
    const [record] = recordsFromArgs(this.services.records, first, second);
    if (record === undefined) {
      void vscode.window.showInformationMessage('Postal: pick a request in the Postal Webhooks view to replay with edits.');
      return undefined;
    }
    const editable = editableOf(record, this.initialUrl(record));
    if (typeof editable === 'string') {
      void vscode.window.showWarningMessage(`Postal: ${recordLabel(record)} cannot be edited. ${editable}`);
      return undefined;
    }
    // One copy per captured request: opening it again shows the same editor.
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `Replay of ${recordLabel(record).replace(/[\\/:*?"<>|]+/g, '-')}.http` });
    const document = await vscode.workspace.openTextDocument(uri);
    if (!this.sessions.has(uri.toString())) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), editableText(editable.request));
      await vscode.workspace.applyEdit(edit);
      this.sessions.set(uri.toString(), { record, capturedBody: editable.capturedBody, initial: editable.request, keepUuid: false, nextUuid: randomUUID() });
    }
    void this.services.keys.get().then((key) => {
      this.kid = key.kid;
      this.lensesChanged.fire();
    }, () => undefined);
    await vscode.window.showTextDocument(document, { preview: false });
    this.updateContext(vscode.window.activeTextEditor);
    return document;
  }

  /** The plan for a copy as it is now, or why it cannot go out. */
  private plan(document: vscode.TextDocument, session: EditSession, keepUuid = session.keepUuid): ReplayPlan | { problem: string; line?: number } {
    const parsed = parseEditableText(document.getText());
    if (!parsed.ok) return parsed;
    return planReplay({ capturedBody: session.capturedBody, initial: session.initial, edited: parsed.request, keepUuid, newUuid: () => session.nextUuid });
  }

  /**
   * Lenses where they apply: Send and Change URL above the request line, what becomes of the
   * signature above the first signature header (or the headers), the uuid above the body.
   */
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const session = this.sessions.get(document.uri.toString());
    if (session === undefined) return [];
    const plan = this.plan(document, session);
    const lens = (line: number, title: string, command = '', args: unknown[] = [], tooltip?: string): vscode.CodeLens =>
      new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title, command, arguments: args, tooltip });
    if ('problem' in plan) return [lens(plan.line ?? 0, `$(error) ${plan.problem}`)];
    const lines = document.getText().split(/\r?\n/);
    const blank = lines.indexOf('');
    const signatureLine = lines.findIndex((text, index) => index < blank && /^x-postal-signature/i.test(text));
    const lenses = [
      lens(0, `$(send) Send to ${new URL(plan.url).host}`, COMMAND.sendEditedReplay, [document.uri], `POST ${plan.url}`),
      lens(0, 'Change URL…', CHANGE_URL_COMMAND, [document.uri]),
      lens(signatureLine > 0 ? signatureLine : 1, describeSignaturePlan(plan, this.kid), '', [], plan.signature === 'regenerated' ? REGENERATED_NOTE : undefined),
    ];
    const bodyLine = Math.min(blank + 1, document.lineCount - 1);
    if (plan.uuid !== undefined) lenses.push(lens(bodyLine, `New uuid ${plan.uuid.to.slice(0, 8)}… on send (keep ${plan.uuid.from.slice(0, 8)}…)`, TOGGLE_UUID_COMMAND, [document.uri], 'An edited event is a new event: it gets a new uuid. Keep the original to test how your app treats a repeat.'));
    else if (session.keepUuid && plan.bodyEdited && plan.json) lenses.push(lens(bodyLine, 'Original uuid kept (give it a new one)', TOGGLE_UUID_COMMAND, [document.uri]));
    return lenses;
  }

  private toggleUuid(uri: vscode.Uri): void {
    const session = this.sessions.get(uri.toString());
    if (session === undefined) return;
    session.keepUuid = !session.keepUuid;
    this.lensesChanged.fire();
  }

  private async changeUrl(uri: vscode.Uri): Promise<void> {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    const url = document === undefined ? undefined : await pickTarget({ ...this.services.targets, defaultTarget: () => '' }, 'Send the edited request to');
    if (document === undefined || url === undefined) return;
    const first = document.lineAt(0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, first.range, `POST ${url}`);
    await vscode.workspace.applyEdit(edit);
  }

  async send(uri: vscode.Uri | undefined, options: SendEditedOptions): Promise<SentItem[] | undefined> {
    const document = uri === undefined ? vscode.window.activeTextEditor?.document : vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    const session = document === undefined ? undefined : this.sessions.get(document.uri.toString());
    if (document === undefined || session === undefined) {
      void vscode.window.showInformationMessage('Postal: this is not a "Replay with Edits" copy. Use "Postal: Replay Event" to send a payload file.');
      return undefined;
    }
    const plan = this.plan(document, session, options.keepUuid ?? session.keepUuid);
    if ('problem' in plan) {
      void vscode.window.showErrorMessage(`Postal: nothing was sent. ${plan.problem}`);
      return undefined;
    }
    const key = plan.signature === 'regenerated' ? (await this.services.keys.get()).privateKey : undefined;
    const label = replayLabel(session.record, plan);
    const request = planRequest(options.target === undefined ? plan : { ...plan, url: options.target }, key);
    const sent = await sendTo(() => [{ label, request }], this.services, `Replay ${label}`, request.url);
    if (sent !== undefined && plan.uuid !== undefined) {
      // That event went out: the next send is another new one.
      session.nextUuid = randomUUID();
      this.lensesChanged.fire();
    }
    return sent;
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

/** `MessageSent 4b1e09aa (edited replay of 8a3f0c6e)`: a new uuid names the new event; a kept one says so. */
function replayLabel(record: WebhookRecord, plan: ReplayPlan): string {
  const what = record.event ?? `${record.method} ${record.path}`;
  if (plan.uuid !== undefined) return `${what} ${plan.uuid.to.slice(0, 8)} (edited replay of ${plan.uuid.from.slice(0, 8)})`;
  return `${recordLabel(record)} (${plan.bodyEdited ? 'edited replay' : 'replay'}${record.uuid === undefined ? '' : ', same uuid'})`;
}
