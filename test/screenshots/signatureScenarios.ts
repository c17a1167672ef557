import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { generateSigningKey, sign, type SigningKeyPair, toDnsRecord } from '../../src/core/signature';
import { COMMAND, TEST_COMMAND, VIEW } from '../../src/vscode/commandIds';
import { type SnapshotRow } from '../../src/vscode/tree/treeSnapshot';
import { pause, shot } from './shot';

const SAMPLES = join(__dirname, '../../../test/fixtures/postal-samples');

/** A sample envelope for `to`, with a fresh uuid. */
function envelope(name: string, to: string): string {
  const value = JSON.parse(readFileSync(join(SAMPLES, `${name}.json`), 'utf8')) as { payload: { message?: Record<string, unknown> }; uuid: string };
  value.uuid = randomUUID();
  if (value.payload.message !== undefined) value.payload.message.to = to;
  return JSON.stringify(value);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function post(url: string, body: string, key: SigningKeyPair): Promise<void> {
  await (await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'User-Agent': 'Postal/3.3.6', ...sign(body, key.privateKey) } })).text();
  await pause(150);
}

/** Waits until a row's description satisfies `ready` (the tree follows the history with a short delay). */
async function untilRow(ready: (description: string) => boolean): Promise<void> {
  const flat = (rows: SnapshotRow[]): SnapshotRow[] => rows.flatMap((row) => [row, ...flat(row.children ?? [])]);
  for (let tries = 0; tries < 100; tries++) {
    const rows = (await vscode.commands.executeCommand<SnapshotRow[]>(TEST_COMMAND.treeSnapshot, 2)) ?? [];
    if (flat(rows).some((row) => ready(row.description ?? ''))) return;
    await pause(100);
  }
  throw new Error('the row never showed what was expected');
}

/**
 * Events received before Postal's key was set, shown as not checked, then checked again once it
 * is; and the user's own test event, signed with the development key.
 */
export const SIGNATURE_SCENARIOS: Record<string, () => Promise<void>> = {
  async signatures() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    const config = vscode.workspace.getConfiguration();
    await config.update('postalWebhooks.signature.publicKey', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('postalWebhooks.listener.port', await freePort(), vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    await vscode.commands.executeCommand(COMMAND.groupBy, 'time');
    const started = await vscode.commands.executeCommand<{ ok: boolean; url: string }>(COMMAND.startListener);
    if (started?.ok !== true) throw new Error('the listener did not start');
    const postal = await generateSigningKey();
    const stranger = await generateSigningKey();
    await post(started.url, envelope('MessageLoaded', 'erin@example.org'), stranger);
    await post(started.url, envelope('MessageSent', 'dana@example.org'), postal);
    await untilRow((description) => description.includes('dana@example.org') && description.includes('not checked'));
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await pause(800);
    await shot('signature-not-checked', { hoverText: 'dana@example.org' });

    await config.update('postalWebhooks.signature.publicKey', toDnsRecord(postal.publicKey), vscode.ConfigurationTarget.Workspace);
    await untilRow((description) => description.startsWith('dana@example.org') && !description.includes('not checked'));
    await vscode.commands.executeCommand('notifications.clearAll');
    await pause(800);
    // The other row first: the pointer must move onto a row for its hover to open again.
    await shot('signature-rechecked-other-key', { hoverText: 'erin@example.org' });
    await shot('signature-rechecked', { hoverText: 'dana@example.org' });

    await vscode.commands.executeCommand(COMMAND.sendTestEvent, { event: 'MessageBounced', target: started.url });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await untilRow((description) => description.includes('dev key'));
    await pause(800);
    await shot('signature-dev-key', { hoverText: '✓ dev key' });
    await vscode.commands.executeCommand(COMMAND.stopListener);
  },

  /** The walkthrough once every step was done. */
  async 'walkthrough-ticked'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder !== undefined) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'fixtures', 'MessageSent.postal.json'));
    await pause(1500);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'postal-webhooks.postal-webhooks#postalWebhooks.gettingStarted', false);
    await pause(2500);
    await shot('walkthrough-ticked');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
  },
};
