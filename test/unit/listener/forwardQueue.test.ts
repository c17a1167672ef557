import * as assert from 'node:assert/strict';
import { type ServerResponse } from 'node:http';
import { postalBody } from '../helpers/bodies';
import { type AppServer, type Harness, postLikePostal, startApp, startListener } from '../helpers/listenerHarness';
import { recordingLogger } from '../helpers/recordingLogger';


async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('listener: forwards in flight are bounded', function () {
  this.timeout(60_000);
  let app: AppServer;
  let harness: Harness;
  /** The app's answers it has not sent yet: it answers only when the test says so. */
  const held: ServerResponse[] = [];
  let inFlightAtApp = 0;
  let mostAtOnce = 0;
  const warnings: Error[] = [];
  const onWarning = (warning: Error): void => void warnings.push(warning);

  beforeEach(async () => {
    inFlightAtApp = 0;
    mostAtOnce = 0;
    app = await startApp((_req, res) => {
      inFlightAtApp += 1;
      mostAtOnce = Math.max(mostAtOnce, inFlightAtApp);
      res.on('close', () => (inFlightAtApp -= 1));
      held.push(res);
    });
    process.on('warning', onWarning);
  });
  afterEach(async () => {
    process.off('warning', onWarning);
    for (const res of held.splice(0)) res.destroy();
    await harness.close();
    await app.close();
  });

  it('keeps 1,000 pending forwards to 64 at once, the rest queued, with no MaxListenersExceededWarning', async () => {
    const log = recordingLogger();
    harness = await startListener({ forward: { url: app.url, timeoutMs: 60_000 }, forwardLimits: { maxInFlight: 64, maxWaiting: 2000 } }, { logger: log });
    const total = 1000;
    for (let sent = 0; sent < total; sent += 100) {
      const answers = await Promise.all(Array.from({ length: 100 }, () => postLikePostal(harness.url, postalBody())));
      assert.ok(answers.every((answer) => answer.status === 200), 'Postal is answered without waiting for the app');
    }
    await until('64 forwards at the app', () => held.length === 64);
    assert.equal(harness.store.size, total);
    assert.equal(mostAtOnce, 64);
    // Let the app answer: the queue drains, never more than 64 at once.
    while (harness.announced.length < total) {
      for (const res of held.splice(0)) res.end('ok');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(mostAtOnce, 64);
    assert.equal(app.received.length, total);
    assert.ok(harness.announced.every((record) => record.forward?.outcome === 'response'));
    assert.deepEqual(warnings.map((warning) => warning.name), []);
    assert.deepEqual(log.lines.filter((line) => line.startsWith('warn')), []);
  });

  it('does not forward beyond the queue, logs that once, and keeps and answers every request', async () => {
    const log = recordingLogger();
    harness = await startListener({ forward: { url: app.url, timeoutMs: 60_000 }, forwardLimits: { maxInFlight: 2, maxWaiting: 3 } }, { logger: log });
    for (let index = 0; index < 10; index += 1) assert.equal((await postLikePostal(harness.url, postalBody())).status, 200);
    await until('5 requests settled without a forward', () => harness.announced.length === 5);
    assert.ok(harness.announced.every((record) => record.forward?.outcome === 'failed' && /^Not forwarded: 2 forwards were waiting for your app and 3 more were queued/.test(record.forward.error.message)));
    assert.equal(harness.store.size, 10);
    assert.deepEqual(log.lines.filter((line) => line.startsWith('warn')).length, 1);
    assert.match(log.lines.find((line) => line.startsWith('warn')) ?? '', /forwarding is backed up/);
    for (;;) {
      for (const res of held.splice(0)) res.end('ok');
      if (harness.announced.length === 10) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(app.received.length, 5);
    assert.ok(log.lines.some((line) => /forwarding caught up; 5 request\(s\) were not forwarded/.test(line)));
  });

  it('cancels forwards in flight and queued when the listener stops', async () => {
    harness = await startListener({ forward: { url: app.url, timeoutMs: 60_000 }, forwardLimits: { maxInFlight: 2, maxWaiting: 10 } });
    for (let index = 0; index < 6; index += 1) assert.equal((await postLikePostal(harness.url, postalBody())).status, 200);
    await until('2 forwards at the app', () => held.length === 2);
    await harness.close();
    assert.equal(harness.announced.length, 6);
    assert.ok(harness.announced.every((record) => record.forward?.outcome === 'failed' && record.forward.error.code === 'aborted'));
    assert.equal(app.received.length, 2);
  });
});
