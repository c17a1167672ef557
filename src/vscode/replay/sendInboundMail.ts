import { randomInt } from 'node:crypto';
import * as vscode from 'vscode';
import { type InboundEncoding, type InboundFormat } from '../../core/inbound/inboundFormat';
import { type InboundPayload, inboundFormatOfText, inboundPayloadFromEml, policyForPayload, readInboundPayloadFile } from '../../core/inbound/inboundPayload';
import { sampleEml } from '../../core/inbound/sampleEml';
import { type SentItem } from '../../core/replay/sendReport';
import { COMMAND } from '../commandIds';
import { type CommandHandlers } from '../lazyCommands';
import { signedOutgoing } from './outgoing';
import { plainOptions } from './plainOptions';
import { sendTo } from './replayCommands';
import { type ReplayServices } from './replayServices';

/** Where the mail comes from: the built-in sample, an `.eml` file, or an endpoint payload file. */
export interface SendInboundOptions {
  /** `sample`, or the path or URI of an `.eml` file or a `*.postal.json` endpoint payload. */
  source?: string;
  format?: InboundFormat;
  encoding?: InboundEncoding;
  target?: string;
  /** Leave the signature headers out. */
  unsigned?: boolean;
}

type Source = { kind: 'sample' } | { kind: 'eml'; uri: vscode.Uri } | { kind: 'payload'; uri: vscode.Uri };

interface SourceItem extends vscode.QuickPickItem {
  source: Source;
}

const TITLE = 'Send Test Inbound Mail';

async function pickSource(): Promise<Source | undefined> {
  const items: SourceItem[] = [{ label: '$(mail) Sample e-mail', description: 'a reply with an HTML body and an attachment', source: { kind: 'sample' } }];
  const active = vscode.window.activeTextEditor?.document;
  if (active !== undefined && active.languageId.startsWith('json') && inboundFormatOfText(active.getText()) !== undefined) {
    items.push({ label: '$(json) The active endpoint payload', description: vscode.workspace.asRelativePath(active.uri), source: { kind: 'payload', uri: active.uri } });
  }
  const emls = await vscode.workspace.findFiles('**/*.eml', '**/node_modules/**', 50);
  for (const uri of emls.sort((a, b) => a.path.localeCompare(b.path))) items.push({ label: `$(file) ${vscode.workspace.asRelativePath(uri)}`, description: 'e-mail file', source: { kind: 'eml', uri } });
  const picked = await vscode.window.showQuickPick(items, { title: TITLE, placeHolder: 'Which e-mail should Postal post? (.eml files of the workspace are listed)' });
  return picked?.source;
}

async function pickOne<T extends string>(placeHolder: string, choices: readonly { value: T; label: string; detail: string }[]): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(choices, { title: TITLE, placeHolder });
  return picked?.value;
}

const pickFormat = (): Promise<InboundFormat | undefined> =>
  pickOne<InboundFormat>('Which format does the route endpoint use?', [
    { value: 'hash', label: 'Hash', detail: 'The message parsed: subject, addresses, plain and HTML bodies, attachments' },
    { value: 'raw', label: 'RawMessage', detail: 'The whole message as Postal stored it, base64-encoded' },
  ]);

const pickEncoding = (): Promise<InboundEncoding | undefined> =>
  pickOne<InboundEncoding>('How does the endpoint encode it?', [
    { value: 'json', label: 'JSON', detail: 'application/json' },
    { value: 'form', label: 'Form data', detail: 'application/x-www-form-urlencoded, as Net::HTTP writes it' },
  ]);

function sourceOf(text: string | undefined): Source | undefined {
  if (text === undefined) return undefined;
  if (text === 'sample') return { kind: 'sample' };
  const uri = /^[a-z][a-z0-9+.-]+:/i.test(text) && !/^[a-z]:[\\/]/i.test(text) ? vscode.Uri.parse(text) : vscode.Uri.file(text);
  return { kind: uri.path.toLowerCase().endsWith('.eml') ? 'eml' : 'payload', uri };
}

/** The request body Postal would post for the source; undefined (the user told why) when there is none. */
async function payloadOf(source: Source, format: InboundFormat | undefined, encoding: InboundEncoding): Promise<InboundPayload | undefined> {
  const name = source.kind === 'sample' ? 'the sample e-mail' : vscode.workspace.asRelativePath(source.uri);
  try {
    if (source.kind === 'payload') {
      const read = readInboundPayloadFile((await vscode.workspace.openTextDocument(source.uri)).getText(), encoding);
      if (read.ok) return read.payload;
      void vscode.window.showErrorMessage(`Postal: ${name} cannot be sent: ${read.problem}`);
      return undefined;
    }
    const eml = source.kind === 'sample' ? sampleEml() : Buffer.from(await vscode.workspace.fs.readFile(source.uri));
    // A message id of its own (Postal numbers its messages), so that each test mail is a message of its own in the Events view.
    return await inboundPayloadFromEml(eml, { format: format ?? 'hash', encoding, spamStatus: 'NotSpam', id: randomInt(100_000, 1_000_000) });
  } catch (error) {
    void vscode.window.showErrorMessage(`Postal: ${name} is not an e-mail that can be read: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * "Send Test Inbound Mail": an e-mail (the sample, an `.eml` of the workspace, or an endpoint
 * payload file) turned into the request Postal makes for a route's HTTP endpoint, in the format
 * and encoding chosen, signed with the development key, sent where the user picks; the answer
 * is judged as Postal judges inbound deliveries (Sent, SoftFail, HardFail). Options skip questions.
 */
export async function sendTestInboundMail(services: ReplayServices, options: SendInboundOptions): Promise<SentItem[] | undefined> {
  const source = sourceOf(options.source) ?? (await pickSource());
  if (source === undefined) return undefined;
  const format = source.kind === 'payload' ? undefined : (options.format ?? (await pickFormat()));
  if (source.kind !== 'payload' && format === undefined) return undefined;
  const encoding = options.encoding ?? (await pickEncoding());
  if (encoding === undefined) return undefined;
  const payload = await payloadOf(source, format, encoding);
  if (payload === undefined) return undefined;
  const timeoutSeconds = Math.min(60, Math.max(5, Math.round(services.settings().timeoutMs / 1000)));
  const item = { label: payload.label, body: payload.body, contentType: payload.contentType, policy: policyForPayload(payload.value, timeoutSeconds) };
  return sendTo((url) => signedOutgoing([item], url, services, options.unsigned), services, TITLE, options.target);
}

/** The command's handler, registered lazily by `registerReplay`. */
export function commandHandlers(services: ReplayServices): CommandHandlers {
  return { [COMMAND.sendTestInboundMail]: (options?: unknown) => sendTestInboundMail(services, plainOptions<SendInboundOptions>(options)) };
}
