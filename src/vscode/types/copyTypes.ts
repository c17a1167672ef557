import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { isTypeLanguage, TYPE_LANGUAGES, type TypeLanguage, typeFilePath } from '../../core/types/typeLanguages';
import { COMMAND } from '../commandIds';
import { registerGuarded } from '../guarded';

const OPEN_IN_EDITOR = 'Open in Editor';

async function pickLanguage(): Promise<TypeLanguage | undefined> {
  const items = Object.entries(TYPE_LANGUAGES).map(([id, language]) => ({ id: id as TypeLanguage, label: language.label, description: language.fileName, detail: language.detail }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Copy Postal Types', placeHolder: 'Postal event and inbound e-mail types, for which language?', matchOnDescription: true });
  return picked?.id;
}

async function openInEditor(language: TypeLanguage, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: TYPE_LANGUAGES[language].editorLanguage, content: text });
  await vscode.window.showTextDocument(document);
}

/**
 * "Copy Postal Types…": the payload types of every event in the chosen language, copied, and
 * opened in an editor on request. `language` and `open` skip the questions (tests, keybindings).
 * The types ship as generated files (`npm run generate:snippets`, drift-tested), so no generator
 * is part of the extension.
 */
async function copyTypes(extensionUri: vscode.Uri, language?: unknown, open?: unknown): Promise<string | undefined> {
  const chosen = typeof language === 'string' && isTypeLanguage(language) ? language : await pickLanguage();
  if (chosen === undefined) return undefined;
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, typeFilePath(chosen))));
  await vscode.env.clipboard.writeText(text);
  const { label, fileName } = TYPE_LANGUAGES[chosen];
  if (open === true || open === 'open') {
    await openInEditor(chosen, text);
  } else {
    void vscode.window.showInformationMessage(`Postal: the ${label} types of all 10 events are on the clipboard (save them as ${fileName}).`, OPEN_IN_EDITOR).then((answer) => {
      if (answer === OPEN_IN_EDITOR) void openInEditor(chosen, text);
    });
  }
  return text;
}

export function registerCopyTypes(extensionUri: vscode.Uri, log: Logger): vscode.Disposable {
  return registerGuarded(COMMAND.copyTypes, 'Copy Postal Types', log, (language?: unknown, open?: unknown) => copyTypes(extensionUri, language, open));
}
