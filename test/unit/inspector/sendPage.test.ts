import * as assert from 'node:assert/strict';
import { deliveryOutcome, WEBHOOK_POLICY } from '../../../src/core/delivery';
import { sendPage, sendPageTitle } from '../../../src/core/inspector/sendPage';
import { buildPostalRequest } from '../../../src/core/replay/postalRequest';
import { type SendResult } from '../../../src/core/replay/sendPostalRequest';
import { assertOnlyOurMarkup } from '../helpers/markup';

const request = buildPostalRequest({ url: 'http://127.0.0.1:3000/hook', body: Buffer.from('{"event":"MessageSent"}') });

function answered(status: number, attempt: number, body = ''): SendResult {
  return {
    url: request.url, attempt, startedAt: 0, timeMs: 12.4,
    response: { status, statusText: status === 200 ? 'OK' : 'Service Unavailable', headers: { 'content-type': 'text/html' }, body: { encoding: 'utf8', data: body, size: body.length, truncated: false } },
    outcome: deliveryOutcome(WEBHOOK_POLICY, status, attempt),
  };
}

function shown(markup: string): string {
  return markup.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

describe('the answers page', () => {
  it('leads with the answer and what Postal would do, then the response and exactly what was sent', () => {
    const markup = sendPage([{ label: 'MessageSent 8a3f0c6e', request, attempts: [answered(503, 1, '<h1>down</h1>')] }], new Date(Date.UTC(2026, 0, 2, 3, 4, 5))).value;
    assertOnlyOurMarkup(markup);
    const text = shown(markup);
    assert.match(text, /MessageSent 8a3f0c6e POST http:\/\/127\.0\.0\.1:3000\/hook · sent /);
    assert.match(text, /Attempt 1 503 Service Unavailable in 12 ms Postal would retry \(attempt 2 of 6\) in 2 minutes\./);
    assert.ok(markup.indexOf('>Answer') < markup.indexOf('>Response') && markup.indexOf('>Response') < markup.indexOf('>Request sent'));
    assert.ok(markup.includes('&lt;h1&gt;down&lt;/h1&gt;'), 'the receiver\'s HTML is shown as text');
    assert.match(text, /User-Agent Postal\/3\.3\.6/);
    assert.match(text, /23 bytes, exactly as sent/);
    assert.match(markup, /data-panel="pretty"/);
  });

  it('lists every attempt when Postal\'s retries were simulated, and shows the last response', () => {
    const markup = sendPage([{ label: 'MessageSent', request, attempts: [answered(503, 1), answered(503, 2), answered(200, 3)] }], new Date(0)).value;
    const text = shown(markup);
    assert.match(text, /Attempts, on Postal's retry schedule/);
    assert.match(text, /Attempt 2 503 Service Unavailable in 12 ms Postal would retry \(attempt 3 of 6\) in 3 minutes\./);
    assert.match(text, /Attempt 3 200 OK in 12 ms Postal would count this as delivered\./);
    assert.match(text, /Response to attempt 3/);
  });

  it('says when nothing answered, and names the page after what was sent', () => {
    const refused: SendResult = { url: request.url, attempt: 1, startedAt: 0, timeMs: 3, error: { code: 'refused', message: 'Nothing listens at 127.0.0.1:3000' }, outcome: deliveryOutcome(WEBHOOK_POLICY, 'error', 1) };
    assert.match(shown(sendPage([{ label: 'MessageSent', request, attempts: [refused] }], new Date(0)).value), /No answer: Nothing listens at 127\.0\.0\.1:3000\./);
    assert.equal(sendPageTitle([{ label: 'MessageSent 8a3f0c6e', request, attempts: [] }]), 'Answer: MessageSent 8a3f0c6e');
    assert.equal(sendPageTitle([{ label: 'a', request, attempts: [] }, { label: 'b', request, attempts: [] }]), 'Answers: 2 events');
  });
});
