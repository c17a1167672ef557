import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { sign } from '../../../src/core/signature';
import { postalBody } from '../helpers/bodies';
import { type AppServer, freePort, postLikePostal, startApp, startListener } from '../helpers/listenerHarness';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const apps: AppServer[] = [];
const harnesses: { close(): Promise<void> }[] = [];

async function app(answer: Parameters<typeof startApp>[0]): Promise<AppServer> {
  const started = await startApp(answer);
  apps.push(started);
  return started;
}

async function listener(...args: Parameters<typeof startListener>): ReturnType<typeof startListener> {
  const harness = await startListener(...args);
  harnesses.push(harness);
  return harness;
}

describe('listener: forwarding to the app', () => {
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.close();
    for (const started of apps.splice(0)) await started.close();
  });

  it('passes on the exact body and Postal\'s headers, and records the app\'s answer', async () => {
    const target = await app((_req, res) => {
      res.writeHead(201, { 'content-type': 'text/plain', 'x-app': 'yes' });
      res.end('stored');
    });
    const harness = await listener({ forward: { url: target.url } });
    const body = postalBody();
    const signature = sign(body, privateKey);
    const response = await postLikePostal(`${harness.url}ignored/path`, body, { ...signature, 'X-Custom': 'kept' });
    assert.equal(response.status, 200, 'Postal gets the fixed answer, not the app\'s');
    const record = await harness.announcement(1);
    const received = target.received[0];
    assert.equal(received.url, '/webhooks/postal');
    assert.equal(received.body.toString('utf8'), body);
    assert.equal(received.headers['x-postal-signature-256'], signature['X-Postal-Signature-256']);
    assert.equal(received.headers['x-postal-signature-kid'], signature['X-Postal-Signature-KID']);
    assert.equal(received.headers['user-agent'], 'Postal/3.3.6');
    assert.equal(received.headers['content-type'], 'application/json');
    assert.equal(received.headers['x-custom'], 'kept');
    assert.ok(record.forward?.outcome === 'response');
    assert.equal(record.forward.status, 201);
    assert.equal(record.forward.body.data, 'stored');
    assert.equal(record.forward.headers['x-app'], 'yes');
    assert.ok(record.forward.durationMs >= 0);
    assert.deepEqual(harness.store.read(record.id)?.forward, record.forward);
  });

  it('answers Postal before a slow app has answered, recording the forward as pending until then', async () => {
    let release: () => void = () => undefined;
    const target = await app((_req, res) => {
      release = () => res.end('late');
    });
    const harness = await listener({ forward: { url: target.url } });
    const response = await postLikePostal(harness.url, postalBody());
    assert.equal(response.status, 200);
    assert.equal(harness.store.list()[0].forward?.outcome, 'pending');
    while (target.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    const record = await harness.announcement(1);
    assert.equal(record.forward?.outcome, 'response');
  });

  it('records a refused connection with a clear message, never failing the request', async () => {
    const port = await freePort();
    const harness = await listener({ forward: { url: `http://127.0.0.1:${port}/hook` } });
    assert.equal((await postLikePostal(harness.url, postalBody())).status, 200);
    const record = await harness.announcement(1);
    assert.ok(record.forward?.outcome === 'failed');
    assert.equal(record.forward.error.code, 'refused');
    assert.match(record.forward.error.message, /Connection refused by 127\.0\.0\.1:\d+: is your app running\?/);
  });

  it('gives up on an app slower than the forward timeout', async () => {
    const target = await app(() => undefined);
    const harness = await listener({ forward: { url: target.url, timeoutMs: 200 } });
    await postLikePostal(harness.url, postalBody());
    const record = await harness.announcement(1);
    assert.ok(record.forward?.outcome === 'failed');
    assert.equal(record.forward.error.code, 'timeout');
    assert.match(record.forward.error.message, /did not answer within 0\.2 s/);
  });

  it('keeps only the first part of a large app answer, flagged as truncated', async () => {
    const target = await app((_req, res) => res.end('z'.repeat(10_000)));
    const harness = await listener({ forward: { url: target.url, maxBodyBytes: 1000 } });
    await postLikePostal(harness.url, postalBody());
    const record = await harness.announcement(1);
    assert.ok(record.forward?.outcome === 'response');
    assert.deepEqual([record.forward.body.data.length, record.forward.body.truncated], [1000, true]);
  });

  it('in mirror mode answers Postal with the app\'s status and body', async () => {
    const target = await app((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"db down"}');
    });
    const harness = await listener({ forward: { url: target.url }, response: { type: 'mirror' } });
    const response = await postLikePostal(harness.url, postalBody());
    assert.equal(response.status, 500);
    assert.equal(await response.text(), '{"error":"db down"}');
    const record = harness.store.list()[0];
    assert.deepEqual([record.response.status, record.response.reason], [500, 'mirror']);
    assert.ok(record.forward?.outcome === 'response' && record.forward.status === 500);
  });

  it('in mirror mode answers 502 when the app is down and 504 when it is too slow', async () => {
    const port = await freePort();
    const down = await listener({ forward: { url: `http://127.0.0.1:${port}/` }, response: { type: 'mirror' } });
    const refused = await postLikePostal(down.url, postalBody());
    assert.equal(refused.status, 502);
    assert.match(((await refused.json()) as { error: string }).error, /Connection refused/);
    const target = await app(() => undefined);
    const slow = await listener({ forward: { url: target.url, timeoutMs: 150 }, response: { type: 'mirror' } });
    assert.equal((await postLikePostal(slow.url, postalBody())).status, 504);
  });
});
