import * as assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type Server as NetServer } from 'node:net';
import * as vscode from 'vscode';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { configure, eventually, explorerState, freePort, postLikePostal, recordIdOf, rowOf, sample, treeSnapshot } from './explorerHelpers';
import { renderedPanel } from './webviewHelpers';
import { canReadWorkbench } from './workbenchText';

type StartResult = { ok: true; url: string } | { ok: false; message: string };

const start = async (): Promise<StartResult | undefined> => vscode.commands.executeCommand<StartResult>(COMMAND.startListener);

function listen(server: NetServer | Server, port = 0): Promise<number> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

describe('Events explorer listener settings and errors in VS Code', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.extensions.getExtension('postal-webhooks.postal-webhooks')?.activate();
    await vscode.commands.executeCommand(`${VIEW.events}.focus`);
    // The rows are looked for under their event-type groups, whatever an earlier suite left.
    await vscode.commands.executeCommand(COMMAND.groupBy, 'type');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await configure({
      'postalWebhooks.listener.path': undefined,
      'postalWebhooks.listener.responseStatus': undefined,
      'postalWebhooks.listener.forwardUrl': undefined,
      'postalWebhooks.signature.publicKey': undefined,
    });
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('reports a port in use as an error state, in the status bar too, and starts once the port is free', async () => {
    const blocker = createServer();
    const port = await listen(blocker);
    await configure({ 'postalWebhooks.listener.port': port });
    const result = await start();
    assert.equal(result?.ok, false);
    assert.match(result.ok ? '' : result.message, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
    const state = await explorerState();
    assert.equal(state.listenerState, 'error');
    assert.equal(state.statusText, `$(error) Postal :${port}`);
    assert.match(state.statusTooltip, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use by another program`));
    await new Promise((resolve) => blocker.close(resolve));
    const retried = await vscode.commands.executeCommand<StartResult>(COMMAND.restartListener);
    assert.deepEqual(retried, { ok: true, url: `http://127.0.0.1:${port}/` });
  });

  it('restarts on the new port when the port setting changes while listening', async () => {
    await configure({ 'postalWebhooks.listener.port': await freePort() });
    assert.equal((await start())?.ok, true);
    const next = await freePort();
    await configure({ 'postalWebhooks.listener.port': next });
    const state = await eventually(`listening on ${next}`, async () => {
      const current = await explorerState();
      return current.listenerState === 'listening' && current.address?.port === next ? current : undefined;
    });
    assert.equal(state.statusText.startsWith(`$(radio-tower) Postal :${next} · `), true, state.statusText);
  });

  it('refuses to start with a bad setting and names it', async () => {
    await configure({ 'postalWebhooks.listener.port': await freePort(), 'postalWebhooks.listener.path': 'hooks/postal' });
    const result = await start();
    assert.equal(result?.ok, false);
    assert.match(result.ok ? '' : result.message, /postalWebhooks\.listener\.path is "hooks\/postal": use a path starting with "\/"/);
    assert.equal((await explorerState()).listenerState, 'error');
  });

  it('shows an unusable public key setting, and starts without checking signatures', async () => {
    await configure({ 'postalWebhooks.listener.port': await freePort(), 'postalWebhooks.signature.publicKey': 'v=DKIM1; p=not-base64!' });
    await eventually('the key to be read', async () => ((await explorerState()).key === 'invalid' ? true : undefined));
    assert.match((await explorerState()).statusTooltip, /The public key setting is unusable: The p= value is not valid base64/);
    assert.equal((await start())?.ok, true);
  });

  it('answers with the configured status and explains that Postal will retry', async () => {
    await configure({ 'postalWebhooks.listener.port': await freePort(), 'postalWebhooks.listener.responseStatus': 503 });
    const result = await start();
    assert.ok(result?.ok);
    const envelope = sample('MessageDelayed');
    assert.equal(await postLikePostal(result.url, JSON.stringify(envelope)), 503);
    const row = await eventually('the row', async () => {
      const rows = await treeSnapshot();
      return rows.some((group) => group.children?.some((child) => child.tooltip?.includes(envelope.uuid))) ? rowOf(rows, envelope.uuid) : undefined;
    });
    assert.match(row.description ?? '', /→ 503/);
    assert.match(row.tooltip ?? '', /Answered 503: Postal retries in 2 min/);
  });

  it('forwards to the app and shows its answer in the request inspector', async () => {
    const app = createHttpServer((request, response) => {
      request.resume();
      response.writeHead(202, { 'content-type': 'application/json' }).end('{"queued":true}');
    });
    const appPort = await listen(app);
    try {
      await configure({ 'postalWebhooks.listener.port': await freePort(), 'postalWebhooks.listener.forwardUrl': `http://127.0.0.1:${appPort}/hooks` });
      const result = await start();
      assert.ok(result?.ok);
      const envelope = sample('MessageSent');
      await postLikePostal(result.url, JSON.stringify(envelope));
      const row = await eventually('the forwarded row', async () => {
        const rows = await treeSnapshot();
        const found = rows.some((group) => group.children?.some((child) => child.tooltip?.includes(envelope.uuid))) ? rowOf(rows, envelope.uuid) : undefined;
        return found?.tooltip?.includes('answered 202') === true ? found : undefined;
      });
      await vscode.commands.executeCommand(COMMAND.openRequest, recordIdOf(row));
      const { rendered } = await renderedPanel('inspector', recordIdOf(row));
      assert.ok(rendered.sections.includes('Your app'), rendered.sections.join(', '));
      assert.match(rendered.text, /Your app\s+202 Accepted\s+http:\/\/127\.0\.0\.1:\d+\/hooks answered in \d+ ms\./);
      assert.match(rendered.text, /"queued": true/);
    } finally {
      await new Promise((resolve) => app.close(resolve));
    }
  });

  it('copies the webhook URL as the user reaches it', async () => {
    const port = await freePort();
    await configure({ 'postalWebhooks.listener.port': port });
    const copied = await vscode.commands.executeCommand<string>(COMMAND.copyWebhookUrl);
    const expected = (await vscode.env.asExternalUri(vscode.Uri.parse(`http://127.0.0.1:${port}/`))).toString(true);
    assert.equal(copied, expected);
    assert.equal(await vscode.env.clipboard.readText(), expected);
  });

  it('copies only a URL a test POST proved leads to the listener, and the help page shows each with its result', async () => {
    const port = await freePort();
    await configure({ 'postalWebhooks.listener.port': port });
    assert.ok((await start())?.ok);
    const direct = `http://127.0.0.1:${port}/`;
    const forwarded = (await vscode.env.asExternalUri(vscode.Uri.parse(direct))).toString(true);
    // In the web build VS Code forwards the port as /proxy/PORT/, which answers POST with 405.
    if (canReadWorkbench) assert.match(forwarded, new RegExp(`/proxy/${port}/$`));
    const stored = (await explorerState()).historyCount;
    const copied = await vscode.commands.executeCommand<string>(COMMAND.copyWebhookUrl);
    assert.equal(copied, direct);
    assert.equal(await vscode.env.clipboard.readText(), direct);
    const help = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'postal-webhooks-help', path: '/How Postal reaches the listener.md' }));
    const text = help.getText();
    assert.ok(text.includes(`- ✓ \`${direct}\` (on this machine): a test POST reached the listener`), text);
    if (forwarded !== direct) assert.match(text, new RegExp(`- ✗ \`${forwarded.replace(/[.?]/g, '\\$&')}\` \\(through VS Code's port forwarding\\): a test POST was answered 405 .*Do not give this one to Postal\\.`));
    assert.equal((await explorerState()).historyCount, stored, 'a probe is never recorded');
  });
});
