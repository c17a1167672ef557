import * as vscode from 'vscode';
import { COMMAND } from '../../src/vscode/commandIds';
import { pause, shot } from './shot';

/** A new file of `language` in the test workspace, deleted by the caller when done. */
async function newFile(name: string): Promise<{ editor: vscode.TextEditor; uri: vscode.Uri }> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  const editor = await vscode.window.showTextDocument(uri);
  return { editor, uri };
}

async function discard(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
}

/** Handler snippets and payload types in the languages apps are written in. */
export const HANDLER_SCENARIOS: Record<string, () => Promise<void>> = {
  async 'handler-python'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const { editor, uri } = await newFile('app.py');
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'postal-han'));
    editor.selection = new vscode.Selection(0, 10, 0, 10);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await pause(2000);
    await shot('handler-python-suggest');
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    await pause(1500);
    await shot('handler-python-inserted');
    await discard(uri);
  },

  async 'handler-go'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const { editor, uri } = await newFile('main.go');
    editor.options = { insertSpaces: false, tabSize: 4 };
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'go', name: 'Postal webhook and inbound e-mail handler (net/http)' });
    await pause(1000);
    // Scroll to the dispatch on the decoded payload structs.
    const line = editor.document.getText().split('\n').findIndex((text) => text.startsWith('func handlePostalWebhook'));
    editor.revealRange(new vscode.Range(line, 0, line + 30, 0), vscode.TextEditorRevealType.AtTop);
    await pause(1000);
    await shot('handler-go');
    await discard(uri);
  },

  async 'copy-types'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    void vscode.commands.executeCommand(COMMAND.copyTypes);
    await pause(1500);
    await shot('copy-types-pick');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand(COMMAND.copyTypes, 'ts', 'open');
    await pause(1500);
    await shot('copy-types-open');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
  },
};
