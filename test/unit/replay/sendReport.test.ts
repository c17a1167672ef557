import * as assert from 'node:assert/strict';
import { buildPostalRequest } from '../../../src/core/replay/postalRequest';
import { formatSendReport } from '../../../src/core/replay/sendReport';
import { deliveryOutcome, WEBHOOK_POLICY } from '../../../src/core/delivery';
import { type SendResult } from '../../../src/core/replay/sendPostalRequest';

const request = buildPostalRequest({ url: 'http://127.0.0.1:3000/hook', body: Buffer.from('{"event":"MessageSent"}') });

function answered(status: number, attempt: number, body = ''): SendResult {
  return {
    url: request.url, attempt, startedAt: 0, timeMs: 12.4,
    response: { status, statusText: status === 200 ? 'OK' : 'Service Unavailable', headers: { 'content-type': 'text/plain' }, body: { encoding: 'utf8', data: body, size: body.length, truncated: false } },
    outcome: deliveryOutcome(WEBHOOK_POLICY, status, attempt),
  };
}

describe('formatSendReport', () => {
  it('leads with the answer and what Postal would do, then the response and the exact request', () => {
    const text = formatSendReport([{ label: 'MessageSent 8a3f0c6e', request, attempts: [answered(503, 1, 'down ``` for now')] }], new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    const lines = text.split('\n');
    assert.equal(lines[0], '# MessageSent 8a3f0c6e · 503 Service Unavailable in 12 ms');
    assert.equal(lines[2], '**Postal would retry (attempt 2 of 6) in 2 minutes.**');
    assert.equal(lines[4], '`POST http://127.0.0.1:3000/hook` · 2026-01-02 03:04:05 UTC');
    assert.ok(text.includes('````text\ndown ``` for now\n````'), 'a body with backticks must not close its block');
    assert.ok(text.includes('User-Agent: Postal/3.3.6'));
    assert.ok(text.includes('{"event":"MessageSent"}'));
  });

  it('tabulates every attempt when Postal\'s retries were simulated', () => {
    const text = formatSendReport([{ label: 'MessageSent', request, attempts: [answered(503, 1), answered(503, 2), answered(200, 3)] }], new Date(0));
    assert.ok(text.includes('| 1 | 503 Service Unavailable in 12 ms | Postal would retry (attempt 2 of 6) in 2 minutes. |'), text);
    assert.ok(text.includes('| 3 | 200 OK in 12 ms | Postal would count this as delivered. |'));
    assert.ok(text.includes('## Response to attempt 3'));
  });
});
