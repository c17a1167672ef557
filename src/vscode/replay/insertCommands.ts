import * as vscode from 'vscode';
import { sampleEnvelope } from '../../core/events';
import { readableEnvelope } from '../../core/replay/serialize';
import { COMMAND } from '../commandIds';
import { checkedChoice, type EventChoice, pickEvent } from './eventPicker';
import { type CommandHandlers } from '../lazyCommands';
import { plainOptions } from './plainOptions';
import { type ReplayServices } from './replayServices';

export interface InsertOptions {
  event?: string;
  variant?: string;
}

/** A realistic envelope of the chosen sample, with a fresh uuid and the current time. */
export function freshEnvelopeText(choice: EventChoice): string {
  return readableEnvelope(sampleEnvelope(choice.event, choice.variant, { now: Date.now() / 1000 }));
}

async function choose(options: InsertOptions, title: string): Promise<EventChoice | undefined> {
  if (options.event !== undefined) return checkedChoice(options.event, options.variant);
  const picked = await pickEvent(title);
  return picked === 'extra' ? undefined : picked;
}

/** "Insert Postal Event": at the cursor of a JSON editor, else in a new untitled JSON document. */
async function insertEvent(options: InsertOptions = {}): Promise<vscode.TextDocument | undefined> {
  const choice = await choose(options, 'Insert a Postal event');
  if (choice === undefined) return undefined;
  const text = freshEnvelopeText(choice);
  const editor = vscode.window.activeTextEditor;
  if (editor !== undefined && ['json', 'jsonc'].includes(editor.document.languageId)) {
    await editor.edit((edit) => editor.selections.forEach((selection) => edit.replace(selection, text)));
    return editor.document;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: text + '\n' });
  await vscode.window.showTextDocument(document);
  return document;
}

export interface NewFileOptions extends InsertOptions {
  /** Workspace-relative path; asked for when absent. */
  path?: string;
}

/** "New Postal Payload File": `fixtures/<Event>.postal.json` (or a name the user gives) in the workspace. */
async function newPayloadFile(options: NewFileOptions = {}): Promise<vscode.Uri | undefined> {
  const choice = await choose(options, 'New Postal payload file');
  if (choice === undefined) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const suggested = `fixtures/${choice.event}${choice.variant === 'default' ? '' : `-${choice.variant}`}.postal.json`;
  let uri: vscode.Uri | undefined;
  if (folder === undefined) {
    uri = await vscode.window.showSaveDialog({ title: 'New Postal payload file', filters: { 'Postal payload': ['json'] }, saveLabel: 'Create' });
  } else {
    const path = options.path ?? (await vscode.window.showInputBox({ title: 'New Postal payload file', prompt: `Path in ${folder.name}`, value: suggested, validateInput: pathProblem }));
    uri = path === undefined ? undefined : vscode.Uri.joinPath(folder.uri, path.trim());
  }
  if (uri === undefined) return undefined;
  if (await exists(uri)) {
    const replace = 'Replace';
    if (options.path === undefined && (await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} exists. Replace it?`, { modal: true }, replace)) !== replace) return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, Buffer.from(freshEnvelopeText(choice) + '\n', 'utf8'));
  await vscode.window.showTextDocument(uri);
  return uri;
}

function pathProblem(value: string): string | undefined {
  const path = value.trim();
  if (path === '') return 'Enter a file path, e.g. fixtures/MessageSent.postal.json';
  if (path.startsWith('/') || path.split(/[/\\]/).includes('..')) return 'Give a path inside the workspace folder.';
  if (!/\.json$/i.test(path)) return 'Payload files end in .json (.postal.json gets the Postal schema and linting).';
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** What each of these commands does (titles and registration: registerReplay.ts). */
export function commandHandlers(_services: ReplayServices): CommandHandlers {
  return {
    [COMMAND.insertEvent]: (options?: unknown) => insertEvent(plainOptions<InsertOptions>(options)),
    [COMMAND.newPayloadFile]: (options?: unknown) => newPayloadFile(plainOptions<NewFileOptions>(options)),
  };
}
