import * as assert from 'node:assert/strict';
import { buildPostalRequest } from '../../../src/core/replay/postalRequest';
import { sendPostalRequest } from '../../../src/core/replay/sendPostalRequest';
import { describePostalOutcome } from '../../../src/core/replay/describeResult';
import { generateSigningKey, parsePublicKey, type SigningKeyPair, toPublicPem } from '../../../src/core/signature';
import { appendixA } from '../helpers/fixtures';
import { type AppServer, freePort, type Harness, startApp, startListener } from '../helpers/listenerHarness';

const deps = { now: () => performance.now() };

describe('sendPostalRequest', function () {
  this.timeout(20_000);
  let key: SigningKeyPair;
  let app: AppServer | undefined;
  let listener: Harness | undefined;
  const { body } = appendixA();

  before(async () => {
    key = await generateSigningKey();
  });

  afterEach(async () => {
    await app?.close();
    await listener?.close();
    app = undefined;
    listener = undefined;
  });

  it('is received by our listener with a valid signature, body byte for byte', async () => {
    const parsed = parsePublicKey(toPublicPem(key.publicKey));
    assert.ok(parsed.ok);
    listener = await startListener({ publicKey: parsed.keySet });
    const result = await sendPostalRequest(buildPostalRequest({ url: listener.url, body, privateKey: key.privateKey }), deps);
    assert.equal(result.response?.status, 200);
    assert.equal(result.outcome?.success, true);
    const record = await listener.announcement(1);
    assert.equal(record.signature.status, 'valid');
    assert.equal(record.signature.algorithm, 'sha256');
    assert.deepEqual(Buffer.from(record.body.data, 'utf8'), body);
    assert.equal(record.headers.map['user-agent'], 'Postal/3.3.6');
  });

  it('is verified as SHA-1 by our listener when imitating Postal 3.1', async () => {
    const parsed = parsePublicKey(toPublicPem(key.publicKey));
    assert.ok(parsed.ok);
    listener = await startListener({ publicKey: parsed.keySet });
    await sendPostalRequest(buildPostalRequest({ url: listener.url, body, privateKey: key.privateKey, postalVersion: '3.1.1' }), deps);
    const record = await listener.announcement(1);
    assert.equal(record.signature.status, 'valid');
    assert.equal(record.signature.algorithm, 'sha1');
  });

  it('reports a 5xx as a failure Postal retries in 2 minutes after attempt 1', async () => {
    app = await startApp((_req, res) => res.writeHead(503, { 'Content-Type': 'text/plain' }).end('down for maintenance'));
    const result = await sendPostalRequest(buildPostalRequest({ url: app.url, body }), deps);
    assert.equal(result.response?.status, 503);
    assert.equal(result.response?.body.data, 'down for maintenance');
    assert.deepEqual({ success: result.outcome?.success, willRetry: result.outcome?.willRetry, next: result.outcome?.nextAttemptInMinutes }, { success: false, willRetry: true, next: 2 });
    assert.equal(describePostalOutcome(result), 'Postal would retry (attempt 2 of 6) in 2 minutes.');
  });

  it('does not follow a redirect, which Postal counts as a failure', async () => {
    const other = await startApp((_req, res) => res.writeHead(200).end());
    try {
      app = await startApp((_req, res) => res.writeHead(302, { Location: other.url }).end());
      const result = await sendPostalRequest(buildPostalRequest({ url: app.url, body }), deps);
      assert.equal(result.response?.status, 302);
      assert.equal(result.outcome?.success, false);
      assert.equal(other.received.length, 0, 'the redirect was followed');
      assert.equal(describePostalOutcome(result), 'Postal does not follow redirects, so this is a failure: Postal would retry (attempt 2 of 6) in 2 minutes.');
    } finally {
      await other.close();
    }
  });

  it('gives up after the timeout, as Postal does after 5 s, and says Postal would retry', async () => {
    app = await startApp((_req, res) => setTimeout(() => res.writeHead(200).end(), 1500));
    const result = await sendPostalRequest(buildPostalRequest({ url: app.url, body }), { ...deps, timeoutMs: 300 });
    assert.equal(result.error?.code, 'timeout');
    assert.equal(result.outcome?.statusCode, -1);
    assert.equal(result.outcome?.willRetry, true);
  });

  it('says the connection was refused when nothing listens, and Postal would give up on attempt 6', async () => {
    const url = `http://127.0.0.1:${await freePort()}/hook`;
    const result = await sendPostalRequest(buildPostalRequest({ url, body }), deps, 6);
    assert.equal(result.error?.code, 'refused');
    assert.match(result.error?.message ?? '', /is your app running/);
    assert.equal(result.outcome?.gaveUp, true);
    assert.equal(describePostalOutcome(result), 'Postal would give up: that was attempt 6 of 6.');
  });

  it('stops when cancelled and then claims nothing about Postal', async () => {
    app = await startApp((_req, res) => setTimeout(() => res.writeHead(200).end(), 2000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await sendPostalRequest(buildPostalRequest({ url: app.url, body }), { ...deps, signal: controller.signal });
    assert.equal(result.error?.code, 'aborted');
    assert.equal(result.outcome, undefined);
  });
});
