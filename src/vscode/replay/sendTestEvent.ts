import * as vscode from 'vscode';
import { sampleEnvelope } from '../../core/events';
import { postalBody } from '../../core/replay/serialize';
import { type SentItem } from '../../core/replay/sendReport';
import { COMMAND } from '../commandIds';
import { checkedChoice, type EventChoice, pickEvent } from './eventPicker';
import { type CommandHandlers } from '../lazyCommands';
import { plainOptions } from './plainOptions';
import { payloadsInActiveEditor, signedOutgoing } from './outgoing';
import { type ReplayServices } from './replayServices';
import { sendTo } from './replayCommands';

export interface SendTestEventOptions {
  event?: string;
  variant?: string;
  /** Send the envelope(s) of the active editor instead of a sample. */
  activeFile?: boolean;
  target?: string;
  /** Leave the signature headers out. */
  unsigned?: boolean;
}

function activeFileName(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document !== undefined && ['json', 'jsonc', 'jsonl'].includes(document.languageId) ? vscode.workspace.asRelativePath(document.uri) : undefined;
}

/**
 * "Send Test Event": a fresh sample of the chosen event (or the active payload file), encoded
 * and signed exactly as Postal would, to a target the user picks. Options skip the questions.
 */
async function sendTestEvent(services: ReplayServices, options: SendTestEventOptions): Promise<SentItem[] | undefined> {
  let choice: EventChoice | 'file' | undefined;
  if (options.activeFile === true) choice = 'file';
  else if (options.event !== undefined) choice = checkedChoice(options.event, options.variant);
  else {
    const file = activeFileName();
    const extra = file === undefined ? [] : [{ label: `$(file) Use the active file`, description: file, detail: 'Its envelope (or each line of a .jsonl file), encoded and signed as Postal would.' }];
    const picked = await pickEvent('Send a test event', extra);
    choice = picked === 'extra' ? 'file' : picked;
  }
  if (choice === undefined) return undefined;
  if (choice === 'file') {
    const payloads = payloadsInActiveEditor();
    if (payloads === undefined) return undefined;
    return sendTo((url) => signedOutgoing(payloads, url, services, options.unsigned), services, 'Send the active file', options.target);
  }
  const { event, variant } = choice;
  // Test events about one mail share its message, so the Events view shows one timeline per mail.
  const envelope = sampleEnvelope(event, variant, { now: Date.now() / 1000, oneMessagePerMail: true });
  const payload = { label: `${event} ${envelope.uuid.slice(0, 8)}`, body: postalBody(envelope) };
  return sendTo((url) => signedOutgoing([payload], url, services, options.unsigned), services, `Send ${event}`, options.target);
}

/**
 * "Send Payload File": the envelope of a payload file (or each line of a `.jsonl`), encoded and
 * signed as Postal would, from its editor's title or context menu (which pass its URI) or the palette.
 */
async function sendPayloadFile(services: ReplayServices, uri: vscode.Uri | undefined, options: Pick<SendTestEventOptions, 'target' | 'unsigned'>): Promise<SentItem[] | undefined> {
  const document = uri === undefined ? undefined : await vscode.workspace.openTextDocument(uri);
  const payloads = payloadsInActiveEditor(document);
  if (payloads === undefined) return undefined;
  const name = vscode.workspace.asRelativePath((document ?? vscode.window.activeTextEditor?.document)?.uri ?? '');
  return sendTo((url) => signedOutgoing(payloads, url, services, options.unsigned), services, `Send ${name}`, options.target);
}

/** What each of these commands does (titles and registration: registerReplay.ts). */
export function commandHandlers(services: ReplayServices): CommandHandlers {
  return {
    [COMMAND.sendTestEvent]: (options?: unknown) => sendTestEvent(services, plainOptions<SendTestEventOptions>(options)),
    [COMMAND.sendPayloadFile]: (uri?: unknown, options?: unknown) =>
      sendPayloadFile(services, uri instanceof vscode.Uri ? uri : undefined, plainOptions<SendTestEventOptions>(uri instanceof vscode.Uri ? options : uri)),
  };
}
