import * as assert from 'node:assert/strict';
import { answerAfterDelay, answerOf, type DeliveryPolicy, deliveryOutcome, type PostalAnswer, WEBHOOK_POLICY } from '../../../src/core/delivery';
import { type ForwardErrorCode, type HttpExchange } from '../../../src/core/http';

const outcome = (answer: PostalAnswer, attempt: number) => deliveryOutcome(WEBHOOK_POLICY, answer, attempt);

describe('delivery: the webhook policy', () => {
  it('treats only 2xx as success', () => {
    assert.deepEqual(outcome(204, 1), { attempt: 1, statusCode: 204, success: true, willRetry: false, gaveUp: false });
    assert.equal(outcome(301, 1).success, false);
  });

  it('follows Postal\'s retry schedule: +2, +3, +6, +10, +15 minutes, then gives up after attempt 6', () => {
    const waits = [1, 2, 3, 4, 5].map((attempt) => outcome(500, attempt).nextAttemptInMinutes);
    assert.deepEqual(waits, [2, 3, 6, 10, 15]);
    assert.deepEqual(outcome(500, 6), { attempt: 6, statusCode: 500, success: false, willRetry: false, gaveUp: true });
  });

  it('records Postal\'s negative codes for timeouts and connection errors', () => {
    assert.equal(outcome('timeout', 1).statusCode, -1);
    assert.equal(outcome('error', 2).statusCode, -2);
    assert.equal(outcome('ssl-error', 3).statusCode, -3);
    assert.equal(outcome('timeout', 1).willRetry, true);
  });

  it('counts an answer held back 5 s or more as a timeout', () => {
    assert.equal(answerAfterDelay(WEBHOOK_POLICY, 200, 4999), 200);
    assert.equal(answerAfterDelay(WEBHOOK_POLICY, 200, 5000), 'timeout');
  });
});

describe('delivery: judging answers under any policy', () => {
  /** A policy with final failures and a computed schedule, shaped like Postal's for inbound mail. */
  const finalOn4xx: DeliveryPolicy = {
    timeoutSeconds: 5,
    maxAttempts: 18,
    verdict: (code) => (code >= 200 && code <= 299 ? 'sent' : code >= 500 || code < 0 ? 'soft-fail' : 'hard-fail'),
    retryDelayMinutes: (attempt) => Math.round(5 * 1.3 ** (attempt - 1) * 10) / 10,
  };

  it('stops at once on a final failure, however many attempts are left', () => {
    assert.deepEqual(deliveryOutcome(finalOn4xx, 404, 1), { attempt: 1, statusCode: 404, success: false, willRetry: false, gaveUp: true });
  });

  it('retries other failures on the policy\'s own schedule until its last attempt', () => {
    assert.deepEqual([1, 2, 3].map((attempt) => deliveryOutcome(finalOn4xx, 503, attempt).nextAttemptInMinutes), [5, 6.5, 8.5]);
    assert.equal(deliveryOutcome(finalOn4xx, 'ssl-error', 17).willRetry, true);
    assert.equal(deliveryOutcome(finalOn4xx, 'ssl-error', 18).gaveUp, true);
  });

  it('refuses an attempt number below 1', () => {
    assert.throws(() => deliveryOutcome(WEBHOOK_POLICY, 200, 0), RangeError);
  });

  it('reads an exchange as Postal\'s client would, and a cancelled one as no answer at all', () => {
    const base = { url: 'http://127.0.0.1:1/', startedAt: 0, durationMs: 1 };
    const failed = (code: ForwardErrorCode): HttpExchange => ({ ...base, outcome: 'failed', error: { code, message: code } });
    const answered: HttpExchange = { ...base, outcome: 'response', status: 418, statusText: '', headers: {}, body: { encoding: 'utf8', data: '', size: 0, truncated: false } };
    assert.equal(answerOf(answered), 418);
    assert.deepEqual((['timeout', 'tls', 'refused', 'dns', 'reset', 'other'] as const).map((code) => answerOf(failed(code))), ['timeout', 'ssl-error', 'error', 'error', 'error', 'error']);
    assert.equal(answerOf(failed('aborted')), undefined);
  });
});
