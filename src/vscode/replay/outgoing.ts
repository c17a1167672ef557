import * as vscode from 'vscode';
import { describeProblems, type Payload, readPayloadFile } from '../../core/replay/payloadFile';
import { buildPostalRequest } from '../../core/replay/postalRequest';
import { readReplaySettings } from './replaySettings';
import { type Outgoing, type ReplayServices } from './replayServices';

/** Envelopes in the active editor (a `.json` envelope or `.jsonl` lines), or undefined after telling the user why not. */
export function payloadsInActiveEditor(): Payload[] | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    void vscode.window.showWarningMessage('Postal: open a payload file (an envelope in .json, or one per line in .jsonl) or pick an event to send.');
    return undefined;
  }
  const { document } = editor;
  // An untitled JSON Lines document has no file name to tell its format by.
  const file = readPayloadFile(document.getText(), document.languageId === 'jsonl' ? `${document.fileName}.jsonl` : document.fileName);
  if (file.problems.length > 0) {
    void vscode.window.showErrorMessage(`Postal: ${vscode.workspace.asRelativePath(document.uri)} is not valid JSON, so nothing was sent. ${describeProblems(file.problems)}`);
    return undefined;
  }
  if (file.payloads.length === 0) {
    void vscode.window.showWarningMessage(`Postal: ${vscode.workspace.asRelativePath(document.uri)} has no envelope to send.`);
    return undefined;
  }
  return file.payloads;
}

/** Requests for `payloads`, signed with the development key as the configured Postal version would. */
export async function signedOutgoing(payloads: readonly { label: string; body: Buffer }[], url: string, services: ReplayServices, unsigned = false): Promise<Outgoing[]> {
  const { postalVersion } = readReplaySettings();
  const key = unsigned ? undefined : await services.keys.get();
  return payloads.map((payload) => ({
    label: payload.label,
    request: buildPostalRequest({ url, body: payload.body, privateKey: key?.privateKey, postalVersion }),
  }));
}
