import * as vscode from 'vscode';
import { VIEW } from '../../src/vscode/commandIds';
import { pause, shot } from './shot';

/** Each scenario leaves the workbench as a user would see it and takes its shots. */
export const SCENARIOS: Record<string, () => Promise<void>> = {
  async 'events-welcome'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    await pause(1500);
    await shot('events-welcome');
  },

  /** A payload copied from logs, squiggled, with the quick-fix menu open on its unknown event. */
  async 'lint-quickfix'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'lint', 'broken.postal.json'));
    const editor = await vscode.window.showTextDocument(document);
    const deadline = Date.now() + 10_000;
    while (vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'postal').length < 4) {
      if (Date.now() > deadline) throw new Error('no Postal diagnostics appeared');
      await pause(100);
    }
    const offset = document.getText().indexOf('MessageDelivered') + 3;
    const position = document.positionAt(offset);
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(document);
    await pause(800);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await pause(1500);
    await shot('lint-quickfix');
    await vscode.commands.executeCommand('hideCodeActionWidget');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  },
};
