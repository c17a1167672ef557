import * as assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { parsePublicKey } from '../../../src/core/signature';
import { postalBody } from '../helpers/bodies';
import { readFixture } from '../helpers/fixtures';
import { type AppServer, type Harness, postLikePostal, rawExchange, startApp, startListener } from '../helpers/listenerHarness';
import { sendRaw } from '../helpers/rawRequest';
import { recordingLogger } from '../helpers/recordingLogger';


const POSTAL_HEADERS = { 'Content-Type': 'application/json', 'User-Agent': 'Postal/3.3.6' };

describe('listener perimeter: only Postal gets in', () => {
  let app: AppServer;
  let harness: Harness;
  let log: ReturnType<typeof recordingLogger>;
  let host: string;

  beforeEach(async () => {
    app = await startApp((_req, res) => res.end('app'));
    log = recordingLogger();
    harness = await startListener({ forward: { url: app.url }, allowedHosts: ['abc.trycloudflare.com', '*.ngrok-free.app', 'localhost:9000'] }, { logger: log });
    host = `127.0.0.1:${harness.port}`;
  });
  afterEach(async () => {
    await harness.close();
    await app.close();
  });

  it('refuses browsers (Origin, Sec-Fetch-*, preflights) with 403 and no CORS headers: nothing stored or forwarded', async () => {
    const body = postalBody();
    const attempts: { method?: string; headers: Record<string, string> }[] = [
      { headers: { Host: host, ...POSTAL_HEADERS, Origin: 'https://evil.example' } },
      { headers: { Host: host, ...POSTAL_HEADERS, Origin: 'null' } },
      { headers: { Host: host, 'Content-Type': 'text/plain', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' } },
      { headers: { Host: host, ...POSTAL_HEADERS, 'Sec-Fetch-Dest': 'empty' } },
      { method: 'OPTIONS', headers: { Host: host, Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } },
    ];
    for (const attempt of attempts) {
      const answer = await sendRaw(harness.port, { method: attempt.method, headers: attempt.headers, body: attempt.method === 'OPTIONS' ? undefined : body });
      assert.equal(answer.status, 403, JSON.stringify(attempt.headers));
      assert.deepEqual(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-')), []);
      assert.match(answer.body, /never a browser's/);
    }
    assert.equal(harness.store.size, 0, 'nothing stored');
    assert.equal(app.received.length, 0, 'nothing forwarded');
    assert.deepEqual(harness.listener.refusals.byReason, { browser: 4, preflight: 1 });
    assert.deepEqual(harness.listener.refusals.sources, [
      { reason: 'browser', source: '127.0.0.1', count: 4 },
      { reason: 'preflight', source: '127.0.0.1', count: 1 },
    ]);
  });

  it('takes Postal\'s requests, and scripts using Node\'s fetch (which sends Sec-Fetch-Mode alone)', async () => {
    assert.equal((await sendRaw(harness.port, { headers: { Host: host, ...POSTAL_HEADERS }, body: postalBody() })).status, 200);
    assert.equal((await postLikePostal(harness.url, postalBody())).status, 200, 'Node fetch: sec-fetch-mode: cors and nothing else');
    await harness.announcement(2);
    assert.equal(harness.store.size, 2);
    assert.equal(harness.listener.refusals.total, 0);
  });

  it('takes Postal\'s inbound-mail request exactly as Postal sends it (its sample, signature checked)', async () => {
    await harness.close();
    const key = parsePublicKey(readFixture('postal-samples', 'inbound', 'signing-public-key.pem').toString('utf8'));
    assert.ok(key.ok);
    harness = await startListener({ publicKey: key.keySet, forward: { url: app.url } });
    // Postal sends the Host of the URL it was given: this listener's.
    const sample = readFixture('postal-samples', 'inbound', 'hash-json.request.http').toString('utf8').replace(/^Host: .*$/m, `Host: 127.0.0.1:${harness.port}`);
    const reply = await rawExchange(harness.port, sample);
    assert.match(reply, /^HTTP\/1\.1 200 /);
    const record = harness.latest();
    assert.equal(record.path, '/postal/inbound?source=postal');
    assert.equal(record.signature.status, 'valid');
    await harness.announcement(1);
    assert.equal(app.received.length, 1);
  });

  it('refuses a Host naming another site (DNS rebinding), and says in the log how to allow a tunnel', async () => {
    const body = postalBody();
    for (const rebound of [`attacker.example:${harness.port}`, 'attacker.example', `localhost:${harness.port + 1}`, '']) {
      const answer = await sendRaw(harness.port, { headers: { Host: rebound, ...POSTAL_HEADERS }, body });
      assert.equal(answer.status, 403, rebound);
      assert.match(answer.body, /is not this listener's name/);
    }
    assert.equal(harness.store.size, 0);
    assert.equal(app.received.length, 0);
    assert.deepEqual(harness.listener.refusals.byReason, { host: 4 });
    const advice = log.lines.find((line) => line.includes('attacker.example'));
    assert.match(advice ?? '', /^warn refused POST from 127\.0\.0\.1 for Host "attacker\.example:\d+" \(403, not stored\)/);
    assert.match(advice ?? '', /add "attacker\.example" to postalWebhooks\.listener\.allowedHosts \(on the command line: --allowed-host attacker\.example\)/);
    const forwardedPort = log.lines.find((line) => line.includes(`localhost:${harness.port + 1}`));
    assert.match(forwardedPort ?? '', new RegExp(`--allowed-host localhost:${harness.port + 1}\\)`), 'a port of this machine is allowed with its port');
  });

  it('takes this machine\'s names on its port, and the allowed hosts: a tunnel, a wildcard, a forwarded port', async () => {
    const names = [host, `localhost:${harness.port}`, `[::1]:${harness.port}`, `host.docker.internal:${harness.port}`, 'abc.trycloudflare.com', 'ABC.trycloudflare.com.', 'abc.trycloudflare.com:443', 'x1.ngrok-free.app', 'localhost:9000'];
    for (const name of names) assert.equal((await sendRaw(harness.port, { headers: { Host: name, ...POSTAL_HEADERS }, body: postalBody() })).status, 200, name);
    for (const name of ['ngrok-free.app.evil.example', 'localhost:9001', 'trycloudflare.com']) {
      assert.equal((await sendRaw(harness.port, { headers: { Host: name, ...POSTAL_HEADERS }, body: postalBody() })).status, 403, name);
    }
    await harness.announcement(names.length);
    assert.equal(harness.store.size, names.length);
  });

  it('lets a browser open the listener\'s page (never recorded), but not under a foreign Host', async () => {
    const page = await sendRaw(harness.port, { method: 'GET', headers: { Host: host, 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate' } });
    assert.equal(page.status, 200);
    assert.match(page.body, /POST Postal's webhooks/);
    assert.equal((await sendRaw(harness.port, { method: 'GET', headers: { Host: 'attacker.example' } })).status, 403);
    assert.equal(harness.store.size, 0);
  });

  it('answers a refused request without reading its body', async () => {
    // 50 MB announced, 1 KB sent: the 403 comes at once, and the connection is closed.
    const answer = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: harness.port, method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Length': String(50 * 1024 * 1024) } }, (res) => {
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
        res.resume();
        req.destroy();
      });
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
      req.write(Buffer.alloc(1024, 'x'));
    });
    assert.deepEqual(answer, { status: 403, connection: 'close' });
    assert.equal(harness.store.size, 0);
  });

  it('counts a flood of refused requests in fixed memory and logs it at a bounded rate', async () => {
    const flood = 400;
    const headers = (index: number): Record<string, string> => ({ Host: `rebind-${index}.attacker.example`, ...POSTAL_HEADERS });
    for (let start = 0; start < flood; start += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, offset) => sendRaw(harness.port, { headers: headers(start + offset), body: postalBody() })));
    }
    const refusals = harness.listener.refusals;
    assert.equal(refusals.total, flood);
    assert.equal(harness.store.size, 0);
    assert.equal(app.received.length, 0);
    assert.ok(refusals.sources.length <= 32, `${refusals.sources.length} sources kept`);
    const warnings = (): string[] => log.lines.filter((line) => line.startsWith('warn refused'));
    assert.ok(warnings().length <= 16, `${warnings().length} lines for ${flood} refusals`);
    await harness.close();
    const summary = warnings().at(-1) ?? '';
    assert.match(summary, /^warn refused \d+ more requests \(not stored\): host \d+ from 127\.0\.0\.1$/);
    assert.equal(Number(/refused (\d+) more/.exec(summary)?.[1]) + warnings().length - 1, flood, 'every refusal is in a line or the summary');
  });
});
