import * as assert from 'node:assert/strict';
import { formatRecordLine } from '../../../src/core/listener';
import { type SignatureResult } from '../../../src/core/signature';
import { makeRecord } from '../helpers/records';

describe('formatRecordLine', () => {
  const at = new Date(2026, 4, 1, 14, 3, 7, 512).getTime();

  it('summarises a good delivery on one line', () => {
    const record = makeRecord({ receivedAt: at, uuid: '8a3f0c6e-2d4b-4f1a-9c7e-5b6d8e0f1a2b', signature: { status: 'valid', algorithm: 'sha256' } });
    record.forward = { outcome: 'response', url: 'http://app/', startedAt: at, durationMs: 12, status: 200, statusText: 'OK', headers: {}, body: { encoding: 'utf8', data: '', size: 0, truncated: false } };
    assert.equal(formatRecordLine(record, { color: false }), '14:03:07.512  POST /  MessageSent  8a3f0c6e  signature ✓ sha256  schema ✓  → 200  app 200 12ms');
  });

  it('leaves the clock out for a log that stamps its lines itself', () => {
    const record = makeRecord({ receivedAt: at, uuid: '8a3f0c6e-2d4b-4f1a-9c7e-5b6d8e0f1a2b', signature: { status: 'valid', algorithm: 'sha256' } });
    assert.equal(formatRecordLine(record, { color: false, time: false }), 'POST /  MessageSent  8a3f0c6e  signature ✓ sha256  schema ✓  → 200');
  });

  it('tells what Postal will do after a failing answer, and marks retries', () => {
    const record = makeRecord({ receivedAt: at, duplicate: true, attempt: 3, response: { status: 503, delayMs: 0, body: '', reason: 'fixed' } });
    assert.match(formatRecordLine(record, { color: false }), /retry #3 .* → 503 \(Postal retries in 6 min\)$/);
    const timeout = makeRecord({ receivedAt: at, attempt: 6, response: { status: 200, delayMs: 6000, body: '', reason: 'fixed' } });
    assert.match(formatRecordLine(timeout, { color: false }), /→ 200 after 6000ms \(Postal gives up\)$/);
  });

  it('names bad bodies, schema issues, signature problems and forward failures', () => {
    const line = formatRecordLine(
      makeRecord({
        kind: 'invalid-json',
        event: undefined,
        uuid: undefined,
        parse: { status: 'invalid-json', message: 'x' },
        signature: { status: 'invalid', reason: 'wrong key' },
        forward: { outcome: 'failed', url: 'http://app/', startedAt: 0, durationMs: 3, error: { code: 'refused', message: 'refused' } },
      }),
      { color: false },
    );
    assert.match(line, /POST \/ {2}\(invalid-json\) {2}signature ✗ invalid {2}invalid JSON {2}→ 200 {2}app ✗ refused 3ms$/);
    const issues = makeRecord({ schema: { valid: false, issues: [{ path: ['payload'], code: 'missing', message: 'y' }, { path: [], code: 'type', message: 'y' }] } });
    assert.match(formatRecordLine(issues, { color: false }), /schema ✗ 2 issues/);
  });

  it('says whose signature it is and why a bad one failed', () => {
    const line = (signature: SignatureResult): string => formatRecordLine(makeRecord({ signature }), { color: false, time: false });
    assert.match(line({ status: 'dev-key', algorithm: 'sha256' }), / {2}signature ✓ dev key {2}/);
    assert.match(line({ status: 'invalid', failure: 'body-changed' }), / {2}signature ✗ body changed {2}/);
    assert.match(line({ status: 'invalid', failure: 'other-key' }), / {2}signature ✗ other key {2}/);
    assert.match(line({ status: 'invalid', failure: 'malformed' }), / {2}signature ✗ malformed {2}/);
    assert.match(line({ status: 'no-key', algorithm: 'sha256' }), / {2}signature unchecked \(no key\) {2}/);
  });

  it('colours only when asked', () => {
    const record = makeRecord({ signature: { status: 'valid', algorithm: 'sha256' } });
    assert.ok(formatRecordLine(record, { color: true }).includes('\u001b[32msignature ✓ sha256\u001b[0m'));
    assert.ok(!formatRecordLine(record, { color: false }).includes('\u001b'));
  });
});
