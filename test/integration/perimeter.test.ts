import * as assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import * as vscode from 'vscode';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { allRows, configure, eventually, explorerState, freePort, postLikePostal, sample, treeSnapshot } from './explorerHelpers';

type StartResult = { ok: true; url: string } | { ok: false; message: string };

/** Control characters, which no row or hover may show as themselves. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A POST with exactly these headers (Host included), as a page or a tunnel would send it; resolves with the status. */
function post(port: number, headers: Record<string, string>, method = 'POST'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path: '/', headers: { 'Content-Type': 'application/json', ...headers }, setHost: false, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? JSON.stringify(sample('MessageSent')) : undefined);
  });
}

describe('The listener\'s perimeter in VS Code', function () {
  this.timeout(60_000);
  let port: number;

  before(async () => {
    await vscode.extensions.getExtension('postal-webhooks.postal-webhooks')?.activate();
    await vscode.commands.executeCommand(`${VIEW.events}.focus`);
  });

  beforeEach(async () => {
    port = await freePort();
    await configure({ 'postalWebhooks.listener.port': port });
    const started = await vscode.commands.executeCommand<StartResult>(COMMAND.startListener);
    assert.ok(started?.ok);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await configure({ 'postalWebhooks.listener.allowedHosts': undefined });
  });

  after(async () => {
    // A fresh run counts nothing: later suites see the view as it was.
    await vscode.commands.executeCommand(COMMAND.startListener);
    await vscode.commands.executeCommand(COMMAND.stopListener);
  });

  it('escapes the control characters a request carries in its rows and hovers', async () => {
    const grouping = (await explorerState()).grouping;
    // By type, the event's own name is a group's label, and its row is under it.
    await vscode.commands.executeCommand(COMMAND.groupBy, 'type');
    const envelope = sample('MessageSent');
    envelope.event = '\u001b]0;PWNED\u0007\u202eMessage\nSent';
    envelope.payload.message = { ...envelope.payload.message, to: 'a\u001b[8m\u2066hidden@example.com' };
    await postLikePostal(`http://127.0.0.1:${port}/`, JSON.stringify(envelope));
    const rows = await eventually('the hostile rows', async () => {
      const all = allRows(await treeSnapshot(3));
      return all.some((row) => row.label.includes('PWNED')) && all.some((row) => row.tooltip?.includes(envelope.uuid) === true) ? all : undefined;
    });
    const shown = rows.filter((row) => row.label.includes('PWNED') || row.tooltip?.includes(envelope.uuid) === true);
    assert.ok(shown.length >= 2, JSON.stringify(shown));
    for (const row of shown) {
      assert.ok(!UNSAFE.test(row.label) && !UNSAFE.test(row.description ?? ''), JSON.stringify(row));
      assert.ok(!UNSAFE.test((row.tooltip ?? '').replace(/\n/g, '')), row.tooltip);
    }
    assert.ok(rows.some((row) => row.label === '\\x1b]0;PWNED\\x07\\u202eMessage\\nSent'), 'the event group names it, escaped');
    await vscode.commands.executeCommand(COMMAND.groupBy, grouping);
  });

  it('refuses browsers and foreign Hosts, stores nothing, and shows how many in the view and the status bar', async () => {
    const before = (await explorerState()).historyCount;
    const host = `127.0.0.1:${port}`;
    assert.equal(await post(port, { Host: host, Origin: 'https://evil.example' }), 403);
    assert.equal(await post(port, { Host: `attacker.example:${port}` }), 403);
    assert.equal(await post(port, { Host: host, Origin: 'https://evil.example' }, 'OPTIONS'), 403);
    const state = await eventually('the refusals shown', async () => {
      const current = await explorerState();
      return current.treeDescription?.includes('3 refused') === true ? current : undefined;
    });
    assert.match(state.statusTooltip, /3 requests refused, not stored \(browser 1 from 127\\\.0\\\.0\\\.1, host 1 from 127\\\.0\\\.0\\\.1, preflight 1 from 127\\\.0\\\.0\\\.1\)/);
    assert.equal(state.historyCount, before);
  });

  it('lets a tunnel\'s Host in once it is allowed in the settings', async () => {
    assert.equal(await post(port, { Host: 'abc.trycloudflare.com' }), 403);
    await configure({ 'postalWebhooks.listener.allowedHosts': ['abc.trycloudflare.com'] });
    // A settings change restarts the running listener with the new list.
    await eventually('the tunnel let in', async () => ((await post(port, { Host: 'abc.trycloudflare.com' }).catch(() => 0)) === 200 ? true : undefined));
  });
});
