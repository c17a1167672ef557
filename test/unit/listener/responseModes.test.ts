import * as assert from 'node:assert/strict';
import { parseResponseMode, postalAnswerFor, postalOutcome } from '../../../src/core/listener';
import { postalBody } from '../helpers/bodies';
import { postLikePostal, startListener } from '../helpers/listenerHarness';

describe('listener: response modes', () => {
  it('answers a fixed status so Postal retries, and records it', async () => {
    const harness = await startListener({ response: { type: 'fixed', status: 503, delayMs: 0 } });
    try {
      const response = await postLikePostal(harness.url, postalBody());
      assert.equal(response.status, 503);
      assert.deepEqual(harness.store.list()[0].response.status, 503);
    } finally {
      await harness.close();
    }
  });

  it('waits the configured delay before answering, and the record is stored before the answer', async () => {
    const harness = await startListener({ response: { type: 'fixed', status: 200, delayMs: 300 } });
    try {
      const started = Date.now();
      const sending = postLikePostal(harness.url, postalBody());
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(harness.store.size, 1, 'stored while the answer is still held back');
      const response = await sending;
      assert.equal(response.status, 200);
      assert.ok(Date.now() - started >= 290, 'answered after the delay');
      assert.equal(harness.store.list()[0].response.delayMs, 300);
    } finally {
      await harness.close();
    }
  });
});

describe('parseResponseMode', () => {
  it('reads a status, a status with a delay, and mirror', () => {
    assert.deepEqual(parseResponseMode('503'), { ok: true, mode: { type: 'fixed', status: 503, delayMs: 0 } });
    assert.deepEqual(parseResponseMode('200:6000'), { ok: true, mode: { type: 'fixed', status: 200, delayMs: 6000 } });
    assert.deepEqual(parseResponseMode('MIRROR'), { ok: true, mode: { type: 'mirror' } });
  });

  it('explains what is wrong with a bad mode', () => {
    const bad = (text: string): string => {
      const parsed = parseResponseMode(text);
      return parsed.ok ? '' : parsed.message;
    };
    assert.match(bad('ok'), /Use a status \(503\), a status and a delay in ms \(200:6000\), or "mirror"/);
    assert.match(bad('102'), /use 200–599/);
    assert.match(bad('200:999999'), /out of range/);
  });
});

describe('postalOutcome', () => {
  it('treats only 2xx as success', () => {
    assert.deepEqual(postalOutcome(204, 1), { attempt: 1, statusCode: 204, success: true, willRetry: false, gaveUp: false });
    assert.equal(postalOutcome(301, 1).success, false);
  });

  it('follows Postal\'s retry schedule: +2, +3, +6, +10, +15 minutes, then gives up after attempt 6', () => {
    const waits = [1, 2, 3, 4, 5].map((attempt) => postalOutcome(500, attempt).nextAttemptInMinutes);
    assert.deepEqual(waits, [2, 3, 6, 10, 15]);
    assert.deepEqual(postalOutcome(500, 6), { attempt: 6, statusCode: 500, success: false, willRetry: false, gaveUp: true });
  });

  it('records Postal\'s negative codes for timeouts and connection errors', () => {
    assert.equal(postalOutcome('timeout', 1).statusCode, -1);
    assert.equal(postalOutcome('error', 2).statusCode, -2);
    assert.equal(postalOutcome('ssl-error', 3).statusCode, -3);
    assert.equal(postalOutcome('timeout', 1).willRetry, true);
  });

  it('counts an answer held back 5 s or more as a timeout', () => {
    assert.equal(postalAnswerFor(200, 4999), 200);
    assert.equal(postalAnswerFor(200, 5000), 'timeout');
  });
});
