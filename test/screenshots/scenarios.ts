import * as vscode from 'vscode';
import { createListener, type ResponseMode } from '../../src/core/listener';
import { silentLogger } from '../../src/core/logger';
import { parsePublicKey } from '../../src/core/signature';
import { createMemoryStore } from '../../src/core/store';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { EXPLORER_SCENARIOS } from './explorerScenarios';
import { HANDLER_SCENARIOS } from './handlerScenarios';
import { PERIMETER_SCENARIOS } from './perimeterScenarios';
import { INSPECTOR_SCENARIOS } from './inspectorScenarios';
import { MAIL_SCENARIOS } from './mailScenarios';
import { pause, shot } from './shot';
import { SIGNATURE_SCENARIOS } from './signatureScenarios';

/**
 * Sends a MessageSent sample to a real listener that answers `response` and verifies with the
 * development key (so its receipt says the signature is valid), leaving the result on screen.
 */
async function sendTestEventTo(response: ResponseMode): Promise<void> {
  const pem = await vscode.commands.executeCommand<string>(COMMAND.exportDevelopmentPublicKey, 'pem', 'open');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  const parsed = parsePublicKey(pem ?? '');
  const publicKey = parsed.ok ? parsed.keySet : undefined;
  const listener = createListener({ port: 0, response, publicKey }, { store: createMemoryStore(), logger: silentLogger });
  const started = await listener.start();
  if (!started.ok) throw new Error(started.error.message);
  try {
    await vscode.commands.executeCommand(COMMAND.sendTestEvent, { event: 'MessageSent', target: `${started.address.url}webhooks/postal` });
  } finally {
    await listener.stop();
  }
}

/** Each scenario leaves the workbench as a user would see it and takes its shots. */
/** The quick-fix menu opened at `offset` of the editor's document, the Problems panel below it. */
async function shotQuickFix(editor: vscode.TextEditor, offset: number, name: string): Promise<void> {
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.window.showTextDocument(editor.document);
  await pause(800);
  await vscode.commands.executeCommand('editor.action.quickFix');
  await pause(1500);
  await shot(name);
  await vscode.commands.executeCommand('hideCodeActionWidget');
  await vscode.commands.executeCommand('workbench.action.closePanel');
}

export const SCENARIOS: Record<string, () => Promise<void>> = {
  ...EXPLORER_SCENARIOS,
  ...HANDLER_SCENARIOS,
  ...PERIMETER_SCENARIOS,
  ...INSPECTOR_SCENARIOS,
  ...MAIL_SCENARIOS,
  async walkthrough() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Without the side bar the steps and their pages sit side by side.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'postal-webhooks.postal-webhooks#postalWebhooks.gettingStarted', false);
    await pause(2500);
    await shot('walkthrough');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
  },

  /** The view at the width VS Code gives it at first: its whole title beside its buttons (run alone: POSTAL_SHOT_FILTER=view-title). */
  async 'view-title'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await pause(1500);
    await shot('view-title');
  },

  async 'events-welcome'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    await pause(1500);
    await shot('events-welcome');
  },

  async replay() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder !== undefined) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'fixtures', 'MessageSent.postal.json'));
    // A quick pick cannot be awaited from here: open it, shoot, close it.
    void vscode.commands.executeCommand(COMMAND.insertEvent);
    await pause(1500);
    await shot('replay-insert-event');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');

    await sendTestEventTo({ type: 'fixed', status: 200, delayMs: 0 });
    await pause(1500);
    await shot('replay-response');
    await vscode.commands.executeCommand('notifications.clearAll');

    await sendTestEventTo({ type: 'fixed', status: 503, delayMs: 0 });
    await pause(1500);
    await shot('replay-response-retry');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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
    await shotQuickFix(editor, document.getText().indexOf('MessageDelivered') + 3, 'lint-quickfix');
  },

  /** An inbound e-mail payload with Postal's quirks got wrong, the quick-fix menu open on its numeric size. */
  async 'inbound-lint-quickfix'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'inbound', 'support.postal.json'));
    const editor = await vscode.window.showTextDocument(document);
    const deadline = Date.now() + 30_000;
    while (vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'postal').length < 3) {
      if (Date.now() > deadline) throw new Error('the diagnostics did not appear');
      await pause(100);
    }
    await shotQuickFix(editor, document.getText().indexOf('"size": 1282') + 9, 'inbound-lint-quickfix');
  },
  ...SIGNATURE_SCENARIOS,
};
