import * as vscode from 'vscode';
import { generateSigningKey, sign, toDnsRecord } from '../../src/core/signature';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { expandRows, freePort, post, recordIdOf, rows, sample, widenSideBar } from './explorerScenarios';
import { pause, shot } from './shot';

/** A body and a header written to break a page that does not escape: markup, quotes, a terminal escape, a bidi override. */
const HOSTILE_BODY = '{"event":"MessageSent","payload":{"message":{"subject":"<script>alert(1)</script> \\"quoted\\" \'single\'"},"status":"Sent\u001b[31m red\u202Eevil"},"uuid":"1f0c3a52-0000-4000-8000-000000000000"}';
const ORDER = { token: 'Qm7XkP2vRt9LwZ3a', to: 'alice@example.net', subject: 'Your order #1042 has shipped' };

/** Starts the listener with a fresh Postal key and sends one message's life, a bounce and a crafted request. */
async function receiveSome(): Promise<string> {
  const key = await generateSigningKey();
  const config = vscode.workspace.getConfiguration();
  await config.update('postalWebhooks.listener.port', await freePort(), vscode.ConfigurationTarget.Workspace);
  await config.update('postalWebhooks.signature.publicKey', toDnsRecord(key.publicKey), vscode.ConfigurationTarget.Workspace);
  await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
  await widenSideBar();
  const started = await vscode.commands.executeCommand<{ ok: boolean; url: string }>(COMMAND.startListener);
  if (started?.ok !== true) throw new Error('the listener did not start');
  for (const name of ['MessageSent', 'MessageLoaded', 'MessageLinkClicked', 'MessageBounced']) await post(started.url, JSON.stringify(sample(name, ORDER)), key);
  await fetch(started.url, { method: 'POST', body: HOSTILE_BODY, headers: { 'Content-Type': 'application/json', 'X-Note': '"><img src=x onerror=alert(1)>', ...sign(HOSTILE_BODY, key.privateKey) } });
  await pause(800);
  return started.url;
}

async function closeUntitled(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isUntitled)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** The request inspector, a crafted request in it, the message timeline, edits, exports and the corrected labels. */
export const INSPECTOR_SCENARIOS: Record<string, () => Promise<void>> = {
  async inspector() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await receiveSome();
    await vscode.commands.executeCommand(COMMAND.groupBy, 'time');
    const all = await rows();
    const clicked = recordIdOf(all, (row) => row.label === 'MessageLinkClicked');

    await vscode.commands.executeCommand(COMMAND.openRequest, clicked);
    await pause(2500);
    await shot('inspector');
    await shot('inspector-body', { webviewScrollTo: '#headers' });

    await vscode.commands.executeCommand(COMMAND.openRequest, recordIdOf(all, (row) => row.label === 'POST /'));
    await pause(2500);
    await shot('inspector-hostile');
    await shot('inspector-hostile-body', { webviewScrollTo: '#body' });

    await vscode.commands.executeCommand(COMMAND.showMessageTimeline, recordIdOf(all, (row) => row.label === 'MessageLoaded'));
    await pause(2500);
    await shot('inspector-timeline');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // Replay with Edits: an edited body, and what the lenses say will happen.
    const document = await vscode.commands.executeCommand<vscode.TextDocument>(COMMAND.replayWithEdits, recordIdOf(all, (row) => row.label === 'MessageSent'));
    if (document !== undefined) {
      const editor = await vscode.window.showTextDocument(document);
      const at = document.getText().indexOf('alice@example.net');
      await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + 5)), 'carol'));
      await pause(2000);
      await shot('replay-edits');
    }
    await closeUntitled();

    const target = 'http://127.0.0.1:3000/webhooks/postal';
    await vscode.commands.executeCommand(COMMAND.exportAsCurl, clicked, undefined, { target });
    await pause(1500);
    await shot('export-curl');
    await vscode.commands.executeCommand(COMMAND.exportAsHttpRequest, clicked, undefined, { target });
    await pause(1500);
    await shot('export-http');
    await closeUntitled();
    await vscode.commands.executeCommand('notifications.clearAll');

    await vscode.commands.executeCommand(COMMAND.filterEvents, { signature: ['valid'] });
    await pause(1000);
    await shot('label-filter-valid');
    await vscode.commands.executeCommand(COMMAND.clearFilter);
    // Newest first: the crafted request, then the bounce, whose fields are its original message's.
    await expandRows([1]);
    await pause(800);
    await shot('label-bounce-fields');

    await vscode.commands.executeCommand(COMMAND.deleteEvent, recordIdOf(all, (row) => row.label === 'POST /'));
    await pause(1200);
    await shot('delete-undo');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  },

  /** The button on a payload file's editor says what it does. */
  async 'label-send-payload-file'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder === undefined) throw new Error('no workspace folder');
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'fixtures', 'MessageSent.postal.json'));
    await pause(1500);
    await shot('label-send-payload-file', { hoverSelector: '.editor-actions [aria-label^="Send Payload File"]' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  },

  /** The walkthrough's second step, whose tunnel command no longer names a port. */
  async 'label-walkthrough-tunnel'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'postal-webhooks.postal-webhooks#postalWebhooks.gettingStarted', false);
    await pause(2500);
    await shot('label-walkthrough-tunnel', { clickText: 'Point Postal at it' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
  },
};
