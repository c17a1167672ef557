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
    const deadline = Date.now() + 30_000;
    // Ours come first; the JSON language service adds the syntax errors once it has started.
    const sources = () => vscode.languages.getDiagnostics(document.uri).map((diagnostic) => diagnostic.source);
    while (sources().filter((source) => source === 'postal').length < 2 || !sources().includes('json')) {
      if (Date.now() > deadline) throw new Error('the diagnostics did not appear');
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
