import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { sampleEnvelope } from '../../src/core/events';
import { generateSigningKey, type SigningKeyPair, toDnsRecord } from '../../src/core/signature';
import { LINE_VERSION } from '../../src/core/store/lineSchema';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { UNDO_DELETE_COMMAND } from '../../src/vscode/tree/eventCommands';
import { type SnapshotRow } from '../../src/vscode/tree/treeSnapshot';
import {
  allRows,
  configure,
  type Envelope,
  eventually,
  explorerState,
  freePort,
  messageToken,
  postLikePostal,
  recordIdOf,
  rowOf,
  sample,
  treeSnapshot,
} from './explorerHelpers';
import { FOLLOW_UP_FILE, writeRestartExpectations } from './restartExpectations';
import { renderedPanel, webviews } from './webviewHelpers';

/** The elements our pages are made of (see src/core/webview), and our one script. */
const OUR_TAGS = new Set(['main', 'header', 'article', 'nav', 'section', 'h1', 'h2', 'h3', 'p', 'span', 'button', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tbody', 'tr', 'th', 'td', 'div', 'pre', 'script']);

describe('Events explorer in VS Code', function () {
  this.timeout(60_000);
  let key: SigningKeyPair;
  let port: number;
  let url: string;
  const token = messageToken();
  const sent: Record<string, Envelope> = {};

  before(async () => {
    await vscode.extensions.getExtension('postal-webhooks.postal-webhooks')?.activate();
    key = await generateSigningKey();
    port = await freePort();
    await configure({ 'postalWebhooks.listener.port': port, 'postalWebhooks.signature.publicKey': toDnsRecord(key.publicKey) });
    await vscode.commands.executeCommand(`${VIEW.events}.focus`);
  });

  after(async () => {
    // VS Code runs extension tests once per window, so no suite outlives a restart of the
    // extension host it runs in: the launcher reloads the window (a new extension host process)
    // and runs test/integration-restart there, which checks that these events are shown again.
    const { historyPath } = await explorerState();
    if (FOLLOW_UP_FILE !== undefined && historyPath !== null && sent.bounced !== undefined) {
      const uuids = [sent.sent.uuid, sent.clicked.uuid, sent.bounced.uuid, sent.forged.uuid];
      writeRestartExpectations({ pid: process.pid, historyPath, uuids }, join(__dirname, '../integration-restart/index.js'));
    }
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await vscode.commands.executeCommand(COMMAND.clearFilter);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('starts the listener from its command and shows it in the status bar, the view and the context key', async () => {
    const result = await vscode.commands.executeCommand<{ ok: boolean; url: string }>(COMMAND.startListener);
    assert.equal(result?.ok, true, JSON.stringify(result));
    url = result.url;
    assert.equal(url, `http://127.0.0.1:${port}/`);
    const state = await explorerState();
    assert.equal(state.listenerState, 'listening');
    assert.match(state.statusText, new RegExp(`^\\$\\(radio-tower\\) Postal :${port} · \\d+$`));
    assert.match(state.statusTooltip, new RegExp(`http://127\\.0\\.0\\.1:${port}/`));
    assert.match(state.statusTooltip, new RegExp(`Public key \`${key.kid.slice(0, 8)}… \\(DNS record\\)\``));
    assert.equal(state.key, 'ok');
  });

  it('shows signed, unsigned, badly signed and broken requests grouped by event type, with their signature state', async () => {
    await vscode.commands.executeCommand(COMMAND.groupBy, 'type');
    sent.sent = sample('MessageSent', token);
    sent.loaded = sample('MessageLoaded', token);
    sent.clicked = sample('MessageLinkClicked', token);
    sent.bounced = sample('MessageBounced', token);
    sent.unsigned = sample('MessageDelayed');
    sent.forged = sample('MessageHeld');
    for (const name of ['sent', 'loaded', 'clicked', 'bounced']) assert.equal(await postLikePostal(url, JSON.stringify(sent[name]), { key }), 200);
    await postLikePostal(url, JSON.stringify(sent.unsigned));
    await postLikePostal(url, JSON.stringify(sent.forged), { key, tamper: true });
    await postLikePostal(url, '{"event": "MessageSent", "payload": ', { key });

    const rows = await eventually('the six events in the tree', async () => {
      const snapshot = await treeSnapshot();
      return Object.values(sent).every((envelope) => allRows(snapshot).some((row) => row.tooltip?.includes(envelope.uuid))) ? snapshot : undefined;
    });
    const group = rows.find((row) => row.label === 'MessageSent');
    assert.ok(group, rows.map((row) => row.label).join(', '));
    assert.equal(group.icon, 'pass');
    assert.equal(group.color, 'testing.iconPassed');
    assert.match(group.description ?? '', /^\d+ · /);
    const signed = rowOf(rows, sent.sent.uuid);
    assert.equal(signed.label, 'alice@example.net');
    assert.match(signed.contextValue ?? '', /^postalRecord;postal;sig-valid;json/);
    assert.equal(signed.badge, undefined);
    assert.match(signed.tooltip ?? '', /Signature valid \(RSA-SHA256\)/);
    assert.equal(signed.command, COMMAND.openEvent);
    const unsigned = rowOf(rows, sent.unsigned.uuid);
    assert.equal(unsigned.badge, 'U');
    assert.match(unsigned.description ?? '', /⚠ unsigned/);
    const forged = rowOf(rows, sent.forged.uuid);
    assert.equal(forged.badge, '!');
    assert.match(forged.contextValue ?? '', /sig-invalid/);
    assert.match(forged.tooltip ?? '', /Signature \*\*invalid\*\*/);
    const broken = rows.find((row) => row.label === 'Other requests');
    assert.ok(broken?.children?.some((row) => row.label === 'POST /' && row.icon === 'warning' && /not JSON/.test(row.description ?? '')), JSON.stringify(broken));
  });

  it('expands an event into its key fields', async () => {
    const rows = await treeSnapshot(4);
    const clicked = rowOf(rows, sent.clicked.uuid);
    const fields = Object.fromEntries((clicked.children ?? []).map((row) => [row.label, row.description]));
    assert.equal(fields['message.token'], token);
    assert.equal(fields['message.to'], 'alice@example.net');
    assert.equal(fields.url, sent.clicked.payload.url);
    assert.equal(fields.user_agent, sent.clicked.payload.user_agent);
  });

  it('groups one message into a timeline, in order, with the bounce under the original message', async () => {
    await vscode.commands.executeCommand(COMMAND.groupBy, 'message');
    const rows = await treeSnapshot();
    const timeline = rows.find((row) => row.id === `group:message:message:${token}`);
    assert.ok(timeline, rows.map((row) => row.id).join('\n'));
    assert.equal(timeline.label, 'Your order #1042 has shipped');
    assert.equal(timeline.description, 'alice@example.net · 4 events');
    assert.deepEqual(timeline.children?.map((row) => row.label), ['MessageSent', 'MessageLoaded', 'MessageLinkClicked', 'MessageBounced']);
    assert.equal((await explorerState()).grouping, 'message');
  });

  it('lists everything newest first when grouped by time', async () => {
    await vscode.commands.executeCommand(COMMAND.groupBy, 'time');
    const rows = await treeSnapshot(1);
    const order = [sent.forged, sent.unsigned, sent.bounced, sent.clicked].map((envelope) => rows.findIndex((row) => row.tooltip?.includes(envelope.uuid)));
    assert.ok(order.every((index, at) => index >= 0 && (at === 0 || index > order[at - 1])), `positions ${order.join(', ')}`);
  });

  it('filters by event type, signature and text, says so in the view, and clears', async () => {
    await vscode.commands.executeCommand(COMMAND.filterEvents, { events: ['MessageDelayed', 'MessageHeld'], signature: ['missing'] });
    let rows = await treeSnapshot(1);
    assert.deepEqual(rows.map((row) => row.tooltip?.includes(sent.unsigned.uuid)), rows.map(() => true));
    assert.match((await explorerState()).treeDescription ?? '', /^MessageDelayed, MessageHeld, unsigned \(\d+ of \d+\)$/);
    await vscode.commands.executeCommand(COMMAND.filterEvents, { text: String(sent.clicked.payload.url).slice(8, 30) });
    rows = await treeSnapshot(1);
    assert.ok(rows.length >= 1 && rows.every((row) => row.label === 'MessageLinkClicked'), rows.map((row) => row.label).join(', '));
    await vscode.commands.executeCommand(COMMAND.clearFilter);
    assert.equal((await explorerState()).treeDescription, null);
    assert.ok((await treeSnapshot(1)).length >= 7);
  });

  it('opens an event as a read-only JSON document holding the envelope that was sent', async () => {
    const row = rowOf(await treeSnapshot(1), sent.sent.uuid);
    await vscode.commands.executeCommand(COMMAND.openEvent, recordIdOf(row));
    const editor = await eventually('the event document', () => vscode.window.activeTextEditor?.document.uri.scheme === 'postal-webhooks-event' ? vscode.window.activeTextEditor : undefined);
    assert.equal(editor.document.languageId, 'json');
    assert.ok(editor.document.uri.path.endsWith(`MessageSent ${sent.sent.uuid.slice(0, 8)}.json`), editor.document.uri.path);
    assert.deepEqual(JSON.parse(editor.document.getText()), sent.sent);
  });

  it('inspects the whole request in a rendered page: checks, our answer, headers in order, the raw body, actions', async () => {
    const row = rowOf(await treeSnapshot(1), sent.sent.uuid);
    const id = recordIdOf(row);
    assert.equal(await vscode.commands.executeCommand(COMMAND.openRequest, id), true);
    const panel = await renderedPanel('inspector', id);
    assert.equal(panel.title, `MessageSent ${sent.sent.uuid.slice(0, 8)}`);
    assert.equal(panel.rendered.scripts, 1, 'only our own script is on the page');
    assert.deepEqual(panel.rendered.sections, ['Checks', 'Our answer', 'Request headers', 'Body']);
    assert.match(panel.rendered.text, /Signature\s+Valid\s+RSA-SHA256 over the raw body/);
    assert.match(panel.rendered.text, /Postal counts it as delivered\./);
    assert.ok(panel.rendered.text.includes(`X-Postal-Signature-KID\t${key.kid}`) || panel.rendered.text.includes(key.kid), 'the KID header is missing');
    assert.deepEqual(panel.rendered.actions, ['replay', 'replayWithEdits', 'copyCurl', 'openBody', 'timeline']);
    // The raw tab holds the body exactly as it came (the page shows the pretty tab first).
    const rawTab = panel.html.slice(panel.html.indexOf('data-panel="raw"'));
    assert.ok(rawTab.includes(JSON.stringify(sent.sent).replace(/"/g, '&quot;')), 'the raw body is missing');
    assert.match(panel.html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; [^"]*script-src &#39;nonce-/);
    // Opening it again reveals the same panel rather than another.
    await vscode.commands.executeCommand(COMMAND.openRequest, id);
    assert.equal((await webviews()).inspector.filter((candidate) => candidate.key === id).length, 1);
  });

  it('shows a crafted request as text: its markup, quotes and terminal escapes cannot act on the page', async () => {
    const body = `{"event":"MessageSent","payload":{"status":"<script>acquireVsCodeApi().postMessage({type:'rendered',report:{pwned:true}})</script> \\"q\\" 'single'","details":"red\u001b[31m\u202eevil"},"uuid":"${messageToken()}"}`;
    const isBroken = (candidate: SnapshotRow): boolean => candidate.contextValue?.startsWith('postalRecord') === true && candidate.label === 'POST /';
    const before = new Set(allRows(await treeSnapshot()).filter(isBroken).map((candidate) => candidate.id));
    const status = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'X-Note': '"><img src=x onerror="acquireVsCodeApi().postMessage({type:\'rendered\',report:{pwned:true}})">' } });
    assert.equal(status.status, 200);
    const row = await eventually('the crafted request', async () => allRows(await treeSnapshot()).find((candidate) => isBroken(candidate) && !before.has(candidate.id)));
    const id = recordIdOf(row);
    await vscode.commands.executeCommand(COMMAND.openRequest, id);
    const panel = await renderedPanel('inspector', id);
    assert.equal(panel.rendered.pwned, undefined, 'a script from the request ran');
    assert.equal(panel.rendered.scripts, 1);
    assert.deepEqual(panel.rendered.tags.filter((tag) => !OUR_TAGS.has(tag)), [], 'elements from the request made it into the page');
    assert.ok(panel.rendered.text.includes("<script>acquireVsCodeApi().postMessage({type:'rendered',report:{pwned:true}})</script>"), 'the markup is not shown as text');
    assert.ok(panel.rendered.text.includes('"><img src=x onerror='), 'the header is not shown as text');
    assert.ok(panel.rendered.hiddenChars >= 2, `terminal escape and bidi override shown as marks: ${panel.rendered.hiddenChars}`);
    assert.match(panel.rendered.text, /Body\s+Not JSON/);
    await vscode.commands.executeCommand(COMMAND.deleteEvent, id);
  });

  it('compares two selected events in a diff editor', async () => {
    const rows = await treeSnapshot(1);
    await vscode.commands.executeCommand(COMMAND.selectForCompare, recordIdOf(rowOf(rows, sent.sent.uuid)));
    assert.equal(await vscode.commands.executeCommand(COMMAND.compareWithSelected, recordIdOf(rowOf(rows, sent.loaded.uuid))), true);
    const input = await eventually('the diff editor', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return tab instanceof vscode.TabInputTextDiff ? tab : undefined;
    });
    assert.match(input.original.path, /MessageSent/);
    assert.match(input.modified.path, /MessageLoaded/);
  });

  it('shows a message timeline in a panel of its own, keeping the view\'s grouping', async () => {
    await vscode.commands.executeCommand(COMMAND.groupBy, 'type');
    const rows = await treeSnapshot();
    const clickedId = recordIdOf(rowOf(rows, sent.clicked.uuid));
    assert.equal(await vscode.commands.executeCommand(COMMAND.showMessageTimeline, clickedId), true);
    const panel = await renderedPanel('timeline', `group:message:message:${token}`);
    assert.equal(panel.title, 'Timeline: Your order #1042 has shipped');
    const order = ['MessageSent', 'MessageLoaded', 'MessageLinkClicked', 'MessageBounced'].map((event) => panel.rendered.text.indexOf(event));
    assert.ok(order.every((at, index) => at >= 0 && (index === 0 || at > order[index - 1])), `events at ${order.join(', ')}`);
    assert.equal((await explorerState()).grouping, 'type');
  });

  it('exports the selected event from the palette, or one named by its record id, as the row commands do', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const target = 'http://127.0.0.1:3000/webhooks/postal';
    // Select the top row, as a click would.
    await vscode.commands.executeCommand(COMMAND.groupBy, 'time');
    await vscode.commands.executeCommand(`${VIEW.events}.focus`);
    await vscode.commands.executeCommand('list.focusFirst');
    await vscode.commands.executeCommand('list.select');
    const [selected] = await eventually('a selected row', async () => ((await explorerState()).selection.length === 1 ? (await explorerState()).selection : undefined));
    const selectedRow = allRows(await treeSnapshot(1)).find((row) => row.id === selected);
    assert.ok(selectedRow !== undefined, selected);
    const uuid = selectedRow.tooltip?.match(/uuid `([^`]+)`/)?.[1];
    const fromSelection = await vscode.commands.executeCommand<string>(COMMAND.exportAsCurl, undefined, undefined, { target });
    assert.ok(fromSelection?.startsWith(`# ${selectedRow.label}${uuid === undefined ? '' : ` ${uuid.slice(0, 8)}`}\n`), fromSelection);
    const sentId = recordIdOf(rowOf(await treeSnapshot(), sent.sent.uuid));
    const fromId = await vscode.commands.executeCommand<string>(COMMAND.exportAsCurl, sentId, undefined, { target });
    assert.match(fromId ?? '', new RegExp(`^# MessageSent ${sent.sent.uuid.slice(0, 8)}\n`));
    // Each opens as a shell script named after its event, and the same export again reuses its editor.
    const curlEditor = vscode.window.activeTextEditor;
    assert.equal(curlEditor?.document.languageId, 'shellscript');
    assert.ok(curlEditor?.document.uri.path.endsWith(`/MessageSent-${sent.sent.uuid.slice(0, 8)}.sh`), curlEditor?.document.uri.toString());
    assert.equal(curlEditor?.document.getText(), fromId);
    await vscode.commands.executeCommand(COMMAND.exportAsCurl, sentId, undefined, { target });
    assert.equal(vscode.workspace.textDocuments.filter((document) => document.uri.path.endsWith(`MessageSent-${sent.sent.uuid.slice(0, 8)}.sh`)).length, 1);
    await vscode.commands.executeCommand(COMMAND.exportAsHttpRequest, sentId, undefined, { target });
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'http');
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith(`/MessageSent-${sent.sent.uuid.slice(0, 8)}.http`));
    // Saved beside the workspace on request.
    await vscode.commands.executeCommand(COMMAND.exportAsHttpRequest, sentId, undefined, { target, save: true });
    const saved = vscode.window.activeTextEditor?.document;
    assert.equal(saved?.uri.scheme, 'file');
    assert.equal(saved?.isDirty, false);
    assert.ok(saved?.getText().startsWith(`# MessageSent ${sent.sent.uuid.slice(0, 8)}\nPOST ${target} HTTP/1.1`), saved?.getText());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    if (saved !== undefined) await vscode.workspace.fs.delete(saved.uri);
    // The inspector's "Copy as curl" only copies.
    const editors = vscode.window.visibleTextEditors.length;
    const copied = await vscode.commands.executeCommand<string>(COMMAND.exportAsCurl, sentId, undefined, { target, copyOnly: true });
    assert.equal(await vscode.env.clipboard.readText(), copied);
    assert.equal(vscode.window.visibleTextEditors.length, editors);
    for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isUntitled)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('counts events that arrive while the view is hidden in its badge, and resets it when shown', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await eventually('the view to be hidden', async () => ((await explorerState()).treeVisible ? undefined : true));
    await postLikePostal(url, JSON.stringify(sample('MessageSent')), { key });
    await postLikePostal(url, JSON.stringify(sample('MessageLoaded')), { key });
    await eventually('a badge of 2', async () => ((await explorerState()).badge === 2 ? true : undefined));
    await vscode.commands.executeCommand(`${VIEW.events}.focus`);
    await eventually('the badge to go', async () => ((await explorerState()).badge === null ? true : undefined));
  });

  it('groups test events about one mail under one message, as Postal\'s events of one message are', async () => {
    for (const event of ['MessageSent', 'MessageLoaded', 'MessageSent']) await vscode.commands.executeCommand(COMMAND.sendTestEvent, { event, target: url });
    await vscode.commands.executeCommand(COMMAND.groupBy, 'message');
    // The message every test event about this mail shares.
    const testToken = sampleEnvelope('MessageSent', 'default', { oneMessagePerMail: true }).payload.message.token;
    const samples = await eventually('the three test events in one message', async () => {
      const group = (await treeSnapshot()).find((row) => row.id === `group:message:message:${testToken}`);
      return group?.children?.length === 3 ? group : undefined;
    });
    assert.equal(samples.label, 'Your order #1042 has shipped');
    assert.deepEqual(samples.children?.map((row) => row.label), ['MessageSent', 'MessageLoaded', 'MessageSent']);
    await vscode.commands.executeCommand(COMMAND.groupBy, 'time');
  });

  it('deletes an event from the view and from the history, and puts it back in its place on Undo', async () => {
    const before = await explorerState();
    const row = rowOf(await treeSnapshot(), sent.loaded.uuid);
    const position = allRows(await treeSnapshot()).findIndex((candidate) => candidate.id === row.id);
    assert.equal(await vscode.commands.executeCommand(COMMAND.deleteEvent, recordIdOf(row)), 1);
    await eventually('the row to go', async () => (allRows(await treeSnapshot()).some((candidate) => candidate.id === row.id) ? undefined : true));
    assert.equal((await explorerState()).historyCount, before.historyCount - 1);
    assert.deepEqual(await vscode.commands.executeCommand(UNDO_DELETE_COMMAND), { restored: 1 });
    await eventually('the row to come back where it was', async () => (allRows(await treeSnapshot()).findIndex((candidate) => candidate.id === row.id) === position ? true : undefined));
    assert.equal((await explorerState()).historyCount, before.historyCount);
    assert.equal(await vscode.commands.executeCommand(COMMAND.deleteEvent, recordIdOf(row)), 1);
  });

  it('keeps the history in the extension storage as versioned JSON Lines, private to the user', async () => {
    const state = await explorerState();
    assert.ok(state.historyPath !== null && existsSync(state.historyPath), `no history file: ${state.historyPath}`);
    await vscode.commands.executeCommand(COMMAND.stopListener);
    const lines = readFileSync(state.historyPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { v?: number; record?: { uuid?: string } });
    assert.ok(lines.some((line) => line.record?.uuid === sent.bounced.uuid));
    assert.ok(lines.every((line) => line.v === LINE_VERSION));
    if (process.platform !== 'win32') {
      assert.equal(statSync(state.historyPath).mode & 0o777, 0o600);
      assert.equal(statSync(dirname(state.historyPath)).mode & 0o777, 0o700);
    }
    assert.match((await explorerState()).statusTooltip, /keeps the last \d+, up to \d+ MB/);
    const stopped = await explorerState();
    assert.equal(stopped.listenerState, 'stopped');
    assert.match(stopped.statusText, /^\$\(circle-slash\) Postal · \d+$/);
  });
});
