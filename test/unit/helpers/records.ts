import { createRecordId, type WebhookRecord } from '../../../src/core/store';

let clock = Date.UTC(2026, 4, 1);

/** A plausible Postal record; each call is one millisecond after the previous. */
export function makeRecord(overrides: Partial<WebhookRecord> = {}): WebhookRecord {
  clock += 1;
  const uuid = overrides.uuid ?? `uuid-${clock}`;
  const body = JSON.stringify({ event: 'MessageSent', timestamp: clock / 1000, payload: {}, uuid });
  return {
    id: createRecordId(clock),
    receivedAt: clock,
    method: 'POST',
    path: '/',
    remoteAddress: '127.0.0.1',
    headers: { raw: [['Content-Type', 'application/json']], map: { 'content-type': 'application/json' } },
    body: { encoding: 'utf8', data: body, size: body.length, truncated: false },
    parse: { status: 'json' },
    kind: 'postal',
    event: 'MessageSent',
    uuid,
    schema: { valid: true, issues: [] },
    signature: { status: 'missing' },
    duplicate: false,
    attempt: 1,
    response: { status: 200, delayMs: 0, body: '', reason: 'fixed' },
    ...overrides,
  };
}
