import * as assert from 'node:assert/strict';
import { answerAfterDelay, answerOf, type DeliveryPolicy, deliveryOutcome, INBOUND_POLICY, inboundPolicy, inboundRetryDelayMinutes, type PostalAnswer, policyForRecord, WEBHOOK_POLICY } from '../../../src/core/delivery';
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

describe('delivery: the inbound e-mail policy', () => {
  const inbound = (answer: PostalAnswer, attempt = 1, policy = INBOUND_POLICY) => deliveryOutcome(policy, answer, attempt);

  it('counts 2xx as Sent, retries 5xx and connection trouble, and fails 3xx, 4xx and 429 for good at once', () => {
    assert.equal(inbound(202).success, true);
    for (const answer of [500, 503, 599, 'timeout', 'error', 'ssl-error'] as const) assert.equal(inbound(answer).willRetry, true, String(answer));
    for (const answer of [301, 400, 404, 410, 429, 100]) assert.deepEqual([inbound(answer).gaveUp, inbound(answer).willRetry], [true, false], String(answer));
  });

  it('bounces the mail to its sender when it gives up, except after a 429', () => {
    assert.equal(inbound(404).bounce, true);
    assert.equal(inbound(302).bounce, true);
    assert.equal(inbound(429).bounce, false);
    assert.equal(inbound(503, 18).bounce, true, 'the last attempt failing ends in a hard fail with a bounce too');
    assert.equal(inbound(204).bounce, undefined);
    assert.equal(deliveryOutcome(WEBHOOK_POLICY, 404, 6).bounce, undefined, 'webhooks never bounce');
  });

  it('never bounces a message that is a bounce itself or has no sender', () => {
    assert.equal(inbound(404, 1, inboundPolicy({ sendsBounces: false })).bounce, false);
  });

  it('retries after 5 minutes × 1.3ⁿ, 18 attempts in all, about 31 hours', () => {
    const waits = Array.from({ length: 17 }, (_, index) => inbound(500, index + 1).nextAttemptInMinutes ?? 0);
    assert.deepEqual(waits.map((minutes) => Math.round(minutes * 10) / 10), [5, 6.5, 8.5, 11, 14.3, 18.6, 24.1, 31.4, 40.8, 53, 68.9, 89.6, 116.5, 151.4, 196.9, 255.9, 332.7]);
    assert.equal(inbound(500, 18).willRetry, false);
    const hours = (waits.reduce((sum, minutes) => sum + minutes, 0) + inboundRetryDelayMinutes(18)) / 60;
    assert.ok(hours > 30 && hours < 32, `${hours} hours`);
  });

  it("waits as long as the endpoint's timeout, 5 s unless set (5–60 s)", () => {
    assert.equal(answerAfterDelay(INBOUND_POLICY, 200, 4999), 200);
    assert.equal(answerAfterDelay(INBOUND_POLICY, 200, 5000), 'timeout');
    assert.equal(answerAfterDelay(inboundPolicy({ timeoutSeconds: 30 }), 200, 29_000), 200);
  });

  it('judges a listener record by its kind: inbound e-mail by this policy, anything else as a webhook', () => {
    assert.equal(policyForRecord({ kind: 'inbound' }).maxAttempts, 18);
    assert.equal(policyForRecord({ kind: 'postal' }), WEBHOOK_POLICY);
  });
});
