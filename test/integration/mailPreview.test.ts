import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { type SentItem } from '../../src/core/replay/sendReport';
import { type SnapshotRow } from '../../src/vscode/tree/treeSnapshot';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { allRows, configure, eventually, explorerState, freePort, postLikePostal, recordIdOf, sample, sleep, treeSnapshot } from './explorerHelpers';
import { renderedPanel } from './webviewHelpers';

const REPO = join(__dirname, '../../..');
const EML = join(REPO, 'test/fixtures/postal-samples/inbound/raw-message.eml');

/** What a hostile sender puts in an HTML body: every way to run code or load from elsewhere (here: a local trap). */
function hostileHtml(trap: string): string {
  return [
    `<script>parent.postMessage("pwned", "*"); new Image().src = "${trap}/script"; fetch("${trap}/fetch")</script>`,
    `<img src="x" onerror="parent.postMessage('pwned', '*')">`,
    `<img src="${trap}/pixel.gif">`,
    `<div style="background: url('${trap}/background.png'); height: 20px">styled</div>`,
    `<style>@import url("${trap}/import.css"); body { background-image: url(${trap}/body.png) }</style>`,
    `<link rel="stylesheet" href="${trap}/style.css">`,
    `<link rel="prefetch" href="${trap}/prefetch">`,
    `<meta http-equiv="refresh" content="0; url=${trap}/refresh">`,
    `<form action="${trap}/form" method="post"><input name="password" value="x" autofocus><button>Sign in</button></form>`,
    `<iframe src="${trap}/frame"></iframe><object data="${trap}/object"></object><video src="${trap}/video" autoplay></video>`,
    `<svg><image href="${trap}/svg.png"/></svg>`,
    '<p id="visible">A hostile mail</p>',
  ].join('\n');
}

/** Every request the hostile mail could make arrives here, and is counted. */
async function trapServer(): Promise<{ server: Server; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

function inboundBody(fields: Record<string, unknown>): string {
  return JSON.stringify({
    id: 9001,
    rcpt_to: 'support@example.com',
    mail_from: 'mallory@example.org',
    token: 'HostileTok3n0001',
    subject: 'Your account',
    message_id: 'hostile@example.org',
    timestamp: Date.now() / 1000,
    size: '2048',
    spam_status: 'Spam',
    bounce: false,
    received_with_ssl: true,
    to: 'support@example.com',
    cc: null,
    from: 'Mallory <mallory@example.org>',
    date: new Date().toUTCString(),
    in_reply_to: null,
    references: null,
    html_body: '<p>hi</p>',
    attachment_quantity: 1,
    auto_submitted: null,
    reply_to: null,
    plain_body: 'hi',
    attachments: [{ filename: '../../notes.txt', content_type: 'text/plain', size: 12, data: Buffer.from('Hello world!').toString('base64') }],
    ...fields,
  });
}

function inboundRows(rows: SnapshotRow[]): SnapshotRow[] {
  return allRows(rows).filter((row) => row.contextValue?.startsWith('postalRecord;inbound') === true);
}

describe('inbound mail in the Events view and the mail preview', function () {
  this.timeout(120_000);
  let url: string;
  let trap: Awaited<ReturnType<typeof trapServer>>;

  before(async () => {
    await vscode.extensions.getExtension('postal-webhooks.postal-webhooks')?.activate();
    await configure({ 'postalWebhooks.listener.port': await freePort() });
    await vscode.commands.executeCommand(`${VIEW.events}.focus`);
    const started = await vscode.commands.executeCommand<{ ok: boolean }>(COMMAND.startListener);
    assert.equal(started?.ok, true);
    url = (await explorerState()).localUrl;
    trap = await trapServer();
    await vscode.commands.executeCommand(COMMAND.groupBy, 'type');
  });

  after(async () => {
    trap.server.close();
    await vscode.commands.executeCommand(COMMAND.groupBy, 'type');
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await configure({ 'postalWebhooks.listener.port': undefined });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sends the sample e-mail as Postal would (RawMessage, form data, signed with the development key) into an Inbound mail group', async () => {
    const items = await vscode.commands.executeCommand<SentItem[]>(COMMAND.sendTestInboundMail, { source: 'sample', format: 'raw', encoding: 'form', target: url });
    assert.equal(items?.length, 1);
    assert.equal(items[0].attempts[0].response?.status, 200);
    assert.match(items[0].request.headers.find(([name]) => name === 'Content-Type')?.[1] ?? '', /^application\/x-www-form-urlencoded/);
    const rows = await treeSnapshot();
    const group = rows.find((row) => row.label === 'Inbound mail');
    assert.ok(group, `no Inbound mail group in ${rows.map((row) => row.label).join(', ')}`);
    const row = await eventually('the sample mail row', async () => inboundRows(await treeSnapshot()).find((candidate) => candidate.description?.startsWith('Damaged item in order #1234 · 1 attachment · ') === true));
    assert.equal(row.label, 'John Doe → support@example.com');
    assert.match(row.contextValue ?? '', /;sig-dev-key/);
    assert.equal(row.command, COMMAND.showMail);
  });

  it('sends an .eml file as a Hash in JSON, answered and judged as Postal judges inbound mail', async () => {
    const items = await vscode.commands.executeCommand<SentItem[]>(COMMAND.sendTestInboundMail, { source: EML, format: 'hash', encoding: 'json', target: url });
    assert.equal(items?.[0].attempts[0].response?.status, 200);
    assert.equal(items[0].attempts[0].outcome?.success, true);
    const body = JSON.parse(items[0].request.body.toString('utf8')) as Record<string, unknown>;
    assert.equal(typeof body.token, 'string');
    assert.ok(typeof body.id === 'number' && body.id >= 100_000, 'each test mail is a message of its own');
    assert.equal(typeof body.plain_body, 'string');
  });

  it('draws a hostile HTML mail in a sandboxed frame: no script runs, nothing is loaded, nothing leaks into the page', async () => {
    const before = new Set(inboundRows(await treeSnapshot()).map((row) => row.id));
    const response = await fetch(url, { method: 'POST', body: inboundBody({ html_body: hostileHtml(trap.url), subject: '<img src=x onerror=alert(1)> Your account' }), headers: { 'Content-Type': 'application/json' } });
    assert.equal(response.status, 200);
    const row = await eventually('the hostile mail row', async () => inboundRows(await treeSnapshot()).find((candidate) => !before.has(candidate.id)));
    assert.match(row.description ?? '', /Spam/);
    const id = recordIdOf(row);
    assert.equal(await vscode.commands.executeCommand(COMMAND.showMail, id), true);
    // Loaded: the mail's document was parsed in the frame (its own <iframe> and <object> are frames in it).
    const panel = await renderedPanel('mail', id, (report) => report.loaded === true && (report.frames?.[0]?.childFrames ?? 0) >= 1);
    // Give anything in it time to reach the trap or post a message.
    await sleep(3000);
    const again = await renderedPanel('mail', id);
    assert.deepEqual(trap.hits, [], 'the mail loaded something');
    assert.equal(again.rendered.frameMessages, 0, 'a script in the mail ran');
    assert.equal(panel.rendered.frames?.[0]?.sandbox, '');
    assert.equal(panel.rendered.pwned, undefined);
    assert.equal(panel.rendered.scripts, 1);
    assert.ok(!panel.rendered.tags.some((tag) => ['img', 'form', 'link', 'meta', 'object', 'video', 'svg'].includes(tag)), `elements of the mail in the page: ${panel.rendered.tags.join(', ')}`);
    assert.ok(panel.rendered.text.includes('<img src=x onerror=alert(1)> Your account'), 'the subject is shown as text');
    assert.match(panel.rendered.text, /remote images or styles not loaded/);
    assert.match(panel.rendered.text, /Spam check\s+Spam/);
    assert.deepEqual(panel.rendered.sections, ['Message', "Postal's verdict", 'Body', 'Attachments', 'Notes', 'Headers']);
    assert.match(panel.html, /<iframe class="mail-frame" data-mail-frame sandbox="" /);
  });

  it('opens a text attachment read-only, decoded, and saves it where asked', async () => {
    const before = new Set(inboundRows(await treeSnapshot()).map((row) => row.id));
    assert.equal((await fetch(url, { method: 'POST', body: inboundBody({ token: 'AttachTok3n00001', id: 9002 }), headers: { 'Content-Type': 'application/json' } })).status, 200);
    const row = await eventually('the mail row', async () => inboundRows(await treeSnapshot()).find((candidate) => !before.has(candidate.id)));
    const id = recordIdOf(row);
    const opened = await vscode.commands.executeCommand<{ uri: string; as: string }>(COMMAND.openMailAttachment, id, 0);
    assert.equal(opened?.as, 'text');
    const editor = await eventually('the attachment editor', () => (vscode.window.activeTextEditor?.document.uri.toString() === opened.uri ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.document.getText(), 'Hello world!');
    assert.equal(editor.document.uri.scheme, 'postal-attachment');
    assert.ok(editor.document.uri.path.endsWith('/notes.txt'), editor.document.uri.path);
    const target = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'postal-attachment-')), 'saved.txt'));
    const saved = await vscode.commands.executeCommand<{ uri: string; as: string }>(COMMAND.saveMailAttachment, id, 0, { target: target.toString() });
    assert.equal(saved?.as, 'file');
    assert.equal(readFileSync(target.fsPath, 'utf8'), 'Hello world!');
    assert.equal(await vscode.commands.executeCommand(COMMAND.saveMailAttachment, id, 5, { target: target.toString() }), undefined, 'no such attachment');
  });

  it('groups an inbound mail with the delivery webhooks Postal fires for it, by message', async () => {
    const token = 'JoinedTok3n00001';
    assert.equal((await fetch(url, { method: 'POST', body: inboundBody({ token, id: 9003, subject: 'Joined mail', html_body: null }), headers: { 'Content-Type': 'application/json' } })).status, 200);
    const envelope = sample('MessageDelayed', token);
    const message = envelope.payload.message as Record<string, unknown>;
    Object.assign(message, { id: 9003, direction: 'incoming', subject: 'Joined mail' });
    assert.equal(await postLikePostal(url, JSON.stringify(envelope)), 200);
    await vscode.commands.executeCommand(COMMAND.groupBy, 'message');
    const group = await eventually('the joined message', async () => (await treeSnapshot()).find((row) => row.id === `group:message:message:${token}` && (row.children?.length ?? 0) === 2));
    assert.equal(group.label, 'Joined mail');
    assert.deepEqual(group.children?.map((child) => child.contextValue?.split(';')[1]).sort(), ['inbound', 'postal']);
  });
});
