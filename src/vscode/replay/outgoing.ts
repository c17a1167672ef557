import * as vscode from 'vscode';
import { type DeliveryPolicy } from '../../core/delivery';
import { describeProblems, type Payload, readPayloadFile } from '../../core/replay/payloadFile';
import { buildPostalRequest } from '../../core/replay/postalRequest';
import { type WebhookRecord } from '../../core/store';
import { recordsFromArgs } from '../itemArgs';
import { type Outgoing, type ReplayServices } from './replayServices';

/** A document (the active editor's by default) read as a payload file, without telling the user anything. */
function activePayloadFile(document = vscode.window.activeTextEditor?.document): { document: vscode.TextDocument; file: ReturnType<typeof readPayloadFile> } | undefined {
  if (document === undefined) return undefined;
  // An untitled JSON Lines document has no file name to tell its format by.
  return { document, file: readPayloadFile(document.getText(), document.languageId === 'jsonl' ? `${document.fileName}.jsonl` : document.fileName) };
}

/**
 * The captured requests a replay or export command was run on. Without an argument (from the
 * palette) an envelope file in the active editor comes first, so none are returned for it;
 * otherwise the Events view's selection is used.
 */
export function recordsToSend(services: ReplayServices, first: unknown, second: unknown): WebhookRecord[] {
  const payloadFileOpen = first === undefined && second === undefined && (activePayloadFile()?.file.payloads.length ?? 0) > 0;
  return payloadFileOpen ? [] : recordsFromArgs(services.records, first, second);
}

/** Envelopes in a document, the active editor's by default (a `.json` envelope or `.jsonl` lines), or undefined after telling the user why not. */
export function payloadsInActiveEditor(given?: vscode.TextDocument): Payload[] | undefined {
  const active = activePayloadFile(given);
  if (active === undefined) {
    void vscode.window.showWarningMessage('Postal: open a payload file (an envelope in .json, or one per line in .jsonl) or pick an event to send.');
    return undefined;
  }
  const { document, file } = active;
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
export async function signedOutgoing(payloads: readonly { label: string; body: Buffer; policy?: DeliveryPolicy; contentType?: string }[], url: string, services: ReplayServices, unsigned = false): Promise<Outgoing[]> {
  const { postalVersion } = services.settings();
  const key = unsigned ? undefined : await services.keys.get();
  return payloads.map((payload) => ({
    label: payload.label,
    request: buildPostalRequest({ url, body: payload.body, privateKey: key?.privateKey, postalVersion, contentType: payload.contentType }),
    policy: payload.policy,
  }));
}
