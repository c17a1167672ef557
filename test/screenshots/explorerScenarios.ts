import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { generateSigningKey, sign, type SigningKeyPair, toDnsRecord } from '../../src/core/signature';
import { COMMAND, TEST_COMMAND, VIEW } from '../../src/vscode/commandIds';
import { type SnapshotRow } from '../../src/vscode/tree/treeSnapshot';
import { pause, shot } from './shot';

type Envelope = { event: string; payload: Record<string, Record<string, unknown> | unknown>; uuid: string };

const SAMPLES = join(__dirname, '../../../test/fixtures/postal-samples');

export function sample(name: string, message?: { token: string; to: string; subject: string }): Envelope {
  const envelope = JSON.parse(readFileSync(join(SAMPLES, `${name}.json`), 'utf8')) as Envelope;
  envelope.uuid = randomUUID();
  const target = (envelope.payload.message ?? envelope.payload.original_message) as Record<string, unknown> | undefined;
  if (message !== undefined && target !== undefined) Object.assign(target, message);
  return envelope;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function post(url: string, body: string, key?: SigningKeyPair, tamper = false): Promise<void> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'Postal/3.3.6' };
  if (key !== undefined) Object.assign(headers, sign(tamper ? `${body}\n` : body, key.privateKey));
  await (await fetch(url, { method: 'POST', body, headers })).text();
  await pause(120);
}

/** What a morning of webhooks looks like: three messages' lives, DNS trouble, a limit, and some strays. */
async function sendMix(url: string, key: SigningKeyPair): Promise<void> {
  const order = { token: 'Qm7XkP2vRt9LwZ3a', to: 'alice@example.net', subject: 'Your order #1042 has shipped' };
  const reset = { token: 'Hc2WnD7sKf4PqX9m', to: 'carol@example.com', subject: 'Reset your password' };
  const invoice = { token: 'Tn6VqB9xJc2KrW4s', to: 'nobody@example.net', subject: 'Invoice INV-2231' };
  const signed = [
    sample('DomainDNSError'),
    sample('MessageSent', order),
    sample('MessageDelayed', reset),
    sample('MessageLoaded', order),
    sample('MessageSent', invoice),
    sample('MessageSent', reset),
    sample('MessageLinkClicked', order),
    sample('MessageBounced', invoice),
    sample('SendLimitApproaching'),
    sample('MessageLoaded', reset),
  ];
  for (const envelope of signed) await post(url, JSON.stringify(envelope), key);
  await post(url, JSON.stringify(sample('MessageHeld')));
  await post(url, JSON.stringify(sample('MessageSent', { token: 'Zr4YbN1cVx8HqT6e', to: 'mallory@example.org', subject: 'Your account' })), key, true);
  await post(url, '{"event":"MessageSent","payload":{"message":', key);
}

export async function rows(): Promise<SnapshotRow[]> {
  return (await vscode.commands.executeCommand<SnapshotRow[]>(TEST_COMMAND.treeSnapshot, 3)) ?? [];
}

export function recordIdOf(rows: SnapshotRow[], predicate: (row: SnapshotRow) => boolean): string {
  const flat = (list: SnapshotRow[]): SnapshotRow[] => list.flatMap((row) => [row, ...flat(row.children ?? [])]);
  const row = flat(rows).find((candidate) => candidate.contextValue?.startsWith('postalRecord') === true && predicate(candidate));
  if (row === undefined) throw new Error('no such row');
  return row.id.slice(row.id.lastIndexOf('/') + 1).replace(/^record:/, '');
}

/** Expands the rows at these positions (counted as they are shown, top to bottom), as a user clicking them would. */
export async function expandRows(positions: number[]): Promise<void> {
  await vscode.commands.executeCommand(`${VIEW.events}.focus`);
  await vscode.commands.executeCommand('list.focusFirst');
  let at = 0;
  for (const position of positions) {
    for (; at < position; at++) await vscode.commands.executeCommand('list.focusDown');
    await vscode.commands.executeCommand('list.expand');
    await pause(200);
  }
}

let widened = false;

/** A side bar wide enough for the descriptions, as most people size it (once per run). */
export async function widenSideBar(): Promise<void> {
  if (widened) return;
  widened = true;
  // In the web workbench this command grows the focused side bar.
  await vscode.commands.executeCommand(`${VIEW.events}.focus`);
  for (let step = 0; step < 3; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
}

/** Moves the keyboard focus off the tree, so no focus outline is in the shot. */
async function blurTree(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await pause(300);
}

export const EXPLORER_SCENARIOS: Record<string, () => Promise<void>> = {
  /** A first start: no history yet, the listener stopped. */
  async 'explorer-welcome'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    await widenSideBar();
    await blurTree();
    await pause(800);
    await shot('explorer-welcome');
  },

  async explorer() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    const key = await generateSigningKey();
    const port = await freePort();
    const config = vscode.workspace.getConfiguration();
    await config.update('postalWebhooks.listener.port', port, vscode.ConfigurationTarget.Workspace);
    await config.update('postalWebhooks.signature.publicKey', toDnsRecord(key.publicKey), vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    await widenSideBar();
    const started = await vscode.commands.executeCommand<{ ok: boolean; url: string }>(COMMAND.startListener);
    if (started?.ok !== true) throw new Error('the listener did not start');
    await vscode.commands.executeCommand(COMMAND.groupBy, 'type');
    await sendMix(started.url, key);
    await pause(800);
    // Newest group first: Other requests, MessageSent (4 rows, one forged), MessageHeld (unsigned).
    await expandRows([1, 6]);
    await blurTree();
    await pause(800);
    await shot('explorer-by-type');

    await vscode.commands.executeCommand(COMMAND.groupBy, 'message');
    await pause(1000);
    await shot('explorer-by-message');

    await vscode.commands.executeCommand(COMMAND.groupBy, 'time');
    await pause(1000);
    await shot('explorer-by-time');
    await shot('explorer-tooltip', { hoverText: 'MessageLinkClicked' });

    const all = await rows();
    await vscode.commands.executeCommand(COMMAND.openEvent, recordIdOf(all, (row) => row.label === 'MessageLinkClicked'));
    await pause(1200);
    await shot('explorer-detail');
    await vscode.commands.executeCommand(COMMAND.openRequest, recordIdOf(all, (row) => row.label === 'MessageSent' && row.badge === '!'));
    await pause(1200);
    await shot('explorer-request');

    // The overview for the README: message timelines, one event, and the coloured request log.
    await vscode.commands.executeCommand(COMMAND.groupBy, 'message');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(COMMAND.openEvent, recordIdOf(all, (row) => row.label === 'MessageLinkClicked'));
    await vscode.commands.executeCommand(COMMAND.showLog);
    await blurTree();
    await pause(1500);
    await shot('overview');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand(COMMAND.groupBy, 'time');

    await vscode.commands.executeCommand(COMMAND.filterEvents, { signature: ['missing', 'invalid'], window: '1h' });
    await blurTree();
    await pause(800);
    await shot('explorer-filtered');
    await vscode.commands.executeCommand(COMMAND.clearFilter);
    await shot('explorer-status', { hoverText: `Postal :${port}` });
    // A quick pick cannot be awaited from here: open it, shoot, close it.
    void vscode.commands.executeCommand(COMMAND.listenerMenu);
    await pause(1200);
    await shot('explorer-status-menu');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(COMMAND.showReachabilityHelp);
    await pause(2000);
    await shot('explorer-help');
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  },

  /** Another program holds the port: the notification, the error state and the welcome text. */
  async 'explorer-port-in-use'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as { port: number };
      await vscode.workspace.getConfiguration().update('postalWebhooks.listener.port', port, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
      await vscode.commands.executeCommand(COMMAND.startListener);
      await pause(1500);
      await shot('explorer-port-in-use');
    } finally {
      blocker.close();
      await vscode.commands.executeCommand(COMMAND.stopListener);
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  },
};
