import * as assert from 'node:assert/strict';
import { parseResponseMode } from '../../../src/core/listener';
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
