import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toCurl, toHttpFile } from '../../../src/core/replay/exportRequest';
import { targetUrlProblem } from '../../../src/core/replay/targetUrl';
import { requestPage } from '../../../src/core/inspector/requestPage';
import { HistoryService } from '../../../src/vscode/listener/historyService';
import { ListenerController } from '../../../src/vscode/listener/listenerController';
import { readListenerSettings, SETTING, type SettingId } from '../../../src/vscode/listener/listenerSettings';
import { postalBody } from '../helpers/bodies';
import { runCli, startCli } from '../helpers/cliProcess';
import { type AppServer, freePort, postLikePostal, startApp, startListener } from '../helpers/listenerHarness';
import { recordingLogger } from '../helpers/recordingLogger';

/** Every secret a request, a forward URL or the app's answer carries in these tests. */
const SECRETS = {
  password: 'Pw-Forward-7734',
  bearer: 'tok_live_51HqLyjWDarjtT1zdp7dc',
  cookie: 'sess-0c5e1f2a9b7d4e3f',
  apiKey: 'ak-9f8e7d6c5b4a3928',
  setCookie: 'sid-from-the-app-42af',
  queryToken: 'qt-41c8a0d2e6',
};

const INCOMING = {
  Authorization: `Bearer ${SECRETS.bearer}`,
  Cookie: `session=${SECRETS.cookie}; theme=dark`,
  'X-Api-Key': SECRETS.apiKey,
};

function assertNoSecret(where: string, text: string): void {
  for (const [name, value] of Object.entries(SECRETS)) assert.ok(!text.includes(value), `${where} shows the ${name} (${value})`);
}


describe('secrets never in clear', () => {
  let dir: string;
  let app: AppServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'postal-secrets-'));
    app = await startApp((_req, res) => {
      res.writeHead(200, { 'Set-Cookie': `sid=${SECRETS.setCookie}; HttpOnly`, 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const json of [true, false]) {
    it(`keeps them out of the history, stdout and stderr of \`listen${json ? ' --json' : ''}\`; the app still gets them`, async () => {
      const history = join(dir, `history-${json}.jsonl`);
      const forwardTo = app.url.replace('http://', `http://hook:${SECRETS.password}@`) + `?token=${SECRETS.queryToken}`;
      const cli = await startCli(['--history', history, '--forward-to', forwardTo, ...(json ? ['--json'] : [])]);
      const seen = app.received.length;
      const response = await postLikePostal(`${cli.url}hooks?token=${SECRETS.queryToken}`, postalBody(), INCOMING);
      assert.equal(response.status, 200);
      while (!cli.output().includes(json ? '"outcome":"response"' : 'app 200')) await new Promise((resolve) => setTimeout(resolve, 10));
      cli.child.kill('SIGINT');
      assert.equal(await cli.closed, 0);
      const received = app.received[seen];
      assert.equal(received.headers.authorization, INCOMING.Authorization, 'forwarding sends the original headers');
      assert.equal(received.headers.cookie, INCOMING.Cookie);
      assert.equal(received.headers['x-api-key'], SECRETS.apiKey);
      assert.equal(received.url, `/webhooks/postal?token=${SECRETS.queryToken}`);
      const stored = readFileSync(history, 'utf8');
      assertNoSecret('the history file', stored);
      assertNoSecret('the output', cli.output());
      assert.match(stored, /Bearer tok_…\[masked, 37 chars\]/, 'a short prefix and the length');
      assert.match(stored, /hook:\*\*\*@127\.0\.0\.1/);
      assert.match(cli.output(), json ? /"url":"http:\/\/hook:\*\*\*@127\.0\.0\.1:\d+\/webhooks\/postal\?token=\*\*\*"/ : /Forwarding to http:\/\/hook:\*\*\*@127\.0\.0\.1:\d+\/webhooks\/postal\?token=\*\*\*/);
    });
  }

  it('keeps them out of `send`\'s answer and its timeout message', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      for (const json of [[], ['--json']]) {
        const result = await runCli(['send', 'MessageSent', '--unsigned', '--timeout', '300', '--to', `http://hook:${SECRETS.password}@127.0.0.1:${port}/x?api_key=${SECRETS.apiKey}`, ...json]);
        assert.equal(result.code, 1);
        assert.match(result.stdout, /did not answer within 0\.3 s/);
        assertNoSecret('send', result.stdout + result.stderr);
      }
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('keeps them out of the extension\'s log (trace level included) and request documents', async () => {
    const log = recordingLogger();
    const history = new HistoryService(log);
    await history.open(join(dir, 'controller.jsonl'), { maxEvents: 100, maxSizeMB: 100 });
    const forwardUrl = app.url.replace('http://', `http://hook:${SECRETS.password}@`);
    const settings: Partial<Record<SettingId, unknown>> = { [SETTING.port]: await freePort(), [SETTING.forwardUrl]: forwardUrl };
    const controller = new ListenerController(history, () => readListenerSettings((id) => settings[id]), log);
    const started = await controller.start();
    assert.ok(started.ok);
    await postLikePostal(`${started.address.url}?sig=${SECRETS.queryToken}`, postalBody(), INCOMING);
    // The request's line is logged once it is settled, its forward included.
    while (!log.lines.some((line) => line.includes('app 200'))) await new Promise((resolve) => setTimeout(resolve, 10));
    await controller.dispose();
    const [entry] = history.store.list();
    const record = history.store.read(entry.id);
    assert.ok(record !== undefined);
    assertNoSecret('the log', log.lines.join('\n'));
    assert.ok(log.lines.some((line) => line.startsWith('trace') && /authorization: Bearer tok_…\[masked, 37 chars\]/i.test(line)), 'headers are logged at trace level, masked');
    assertNoSecret('the request inspector page', requestPage(record).toString());
    await history.dispose();
  });

  it('keeps credential headers as they came when asked to (keepSecrets), URL credentials still masked', async () => {
    const harness = await startListener({ keepSecrets: true, forward: { url: app.url.replace('http://', `http://hook:${SECRETS.password}@`) } });
    try {
      await postLikePostal(`${harness.url}?token=${SECRETS.queryToken}`, postalBody(), INCOMING);
      const record = await harness.announcement(1);
      const stored = harness.latest();
      assert.equal(stored.headers.map.authorization, INCOMING.Authorization);
      assert.equal(stored.headers.map.cookie, INCOMING.Cookie);
      assert.ok(record.forward?.outcome === 'response');
      assert.equal(record.forward.headers['set-cookie'], `sid=${SECRETS.setCookie}; HttpOnly`);
      assert.ok(!stored.path.includes(SECRETS.queryToken) && !(stored.forward?.url ?? '').includes(SECRETS.password));
    } finally {
      await harness.close();
    }
  });

  it('keeps them out of the messages about a URL that cannot be used', () => {
    const broken = `http://hook:${SECRETS.password}@app example/`;
    const problems = readListenerSettings((id) => (id === SETTING.forwardUrl ? broken : undefined)).problems.map((problem) => problem.message);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /forwardUrl is "http:\/\/hook:\*\*\*@app example\/"/);
    assertNoSecret('a settings problem', problems[0]);
    assertNoSecret('a send target problem', targetUrlProblem(broken) ?? '');
  });

  it('exports a URL\'s credentials only when asked to', () => {
    const request = { method: 'POST' as const, url: `https://hook:${SECRETS.password}@app.example/postal?token=${SECRETS.queryToken}`, headers: [['Content-Type', 'application/json']] as [string, string][], body: Buffer.from('{}') };
    assertNoSecret('curl', toCurl(request));
    assertNoSecret('.http', toHttpFile(request, 'MessageSent'));
    assert.match(toCurl(request), /'https:\/\/hook:\*\*\*@app\.example\/postal\?token=\*\*\*'/);
    assert.ok(toCurl(request, { includeCredentials: true }).includes(`hook:${SECRETS.password}@`));
    assert.ok(toHttpFile(request, 'MessageSent', { includeCredentials: true }).includes(`token=${SECRETS.queryToken}`));
  });
});
