import * as assert from 'node:assert/strict';
import { buildPostalRequest } from '../../../src/core/replay/postalRequest';
import { simulateDelivery } from '../../../src/core/replay/simulateDelivery';
import { appendixA } from '../helpers/fixtures';
import { type AppServer, startApp } from '../helpers/listenerHarness';

const deps = { now: () => performance.now() };

describe('simulateDelivery', function () {
  this.timeout(20_000);
  let app: AppServer | undefined;
  const { body } = appendixA();

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('retries after failures on Postal\'s schedule, compressed, until the app answers 2xx', async () => {
    let calls = 0;
    app = await startApp((_req, res) => res.writeHead(++calls < 3 ? 500 : 204).end());
    const waits: number[] = [];
    const seen: number[] = [];
    const attempts = await simulateDelivery(buildPostalRequest({ url: app.url, body }), deps, {
      timeCompression: 60_000, // 2 minutes → 2 ms
      onWait: (_attempt, ms) => waits.push(ms),
      onAttempt: (result) => seen.push(result.response?.status ?? 0),
    });
    assert.deepEqual(attempts.map((result) => result.attempt), [1, 2, 3]);
    assert.deepEqual(seen, [500, 500, 204]);
    assert.deepEqual(waits, [2, 3]);
    assert.equal(attempts[2].outcome?.success, true);
    assert.equal(app.received.length, 3);
    assert.ok(app.received.every((request) => request.body.equals(body)), 'a retry sent different bytes');
  });

  it('makes six attempts at most and then reports that Postal gives up', async () => {
    app = await startApp((_req, res) => res.writeHead(500).end());
    const attempts = await simulateDelivery(buildPostalRequest({ url: app.url, body }), deps, { timeCompression: 600_000 });
    assert.equal(attempts.length, 6);
    assert.deepEqual(attempts.map((result) => result.outcome?.nextAttemptInMinutes), [2, 3, 6, 10, 15, undefined]);
    assert.equal(attempts[5].outcome?.gaveUp, true);
  });

  it('stops waiting for the next attempt when cancelled', async () => {
    app = await startApp((_req, res) => res.writeHead(500).end());
    const controller = new AbortController();
    const attempts = await simulateDelivery(buildPostalRequest({ url: app.url, body }), { ...deps, signal: controller.signal }, {
      timeCompression: 1, // the real 2 minutes: only cancelling ends this quickly
      onWait: () => setTimeout(() => controller.abort(), 50),
    });
    assert.equal(attempts.length, 1);
    assert.equal(app.received.length, 1);
  });
});
