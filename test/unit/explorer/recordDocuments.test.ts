import * as assert from 'node:assert/strict';
import { eventDocumentText, prettyEnvelope, requestDocumentText } from '../../../src/core/explorer';
import { brokenRecord, postalRecord, sample } from './explorerRecords';

describe('event and request documents', () => {
  it('pretty-prints the envelope as it came, key order kept', () => {
    const envelope = sample('MessageSent');
    const text = prettyEnvelope(postalRecord(envelope));
    assert.equal(text, `${JSON.stringify(envelope, null, 2)}\n`);
  });

  it('shows a body that is not JSON as it came', () => {
    const record = brokenRecord();
    assert.equal(prettyEnvelope(record), undefined);
    assert.equal(eventDocumentText(record), record.body.data);
  });

  it('writes the whole exchange: request line, headers in order, raw body, checks, answer and forward', () => {
    const envelope = sample('MessageSent');
    const record = postalRecord(envelope, {
      headers: { raw: [['Content-Type', 'application/json'], ['X-Postal-Signature-KID', 'abc']], map: {} },
      response: { status: 503, delayMs: 0, body: '{"received":true}', reason: 'fixed' },
      forward: {
        outcome: 'response',
        url: 'http://localhost:3000/hooks',
        startedAt: Date.UTC(2026, 4, 1),
        durationMs: 12,
        status: 500,
        statusText: 'Internal Server Error',
        headers: { 'content-type': 'text/plain' },
        body: { encoding: 'utf8', data: 'boom ``` fence', size: 14, truncated: false },
      },
    });
    const text = requestDocumentText(record);
    assert.ok(text.startsWith(`# MessageSent ${envelope.uuid.slice(0, 8)}\n`));
    assert.ok(text.includes('```http\nContent-Type: application/json\nX-Postal-Signature-KID: abc\n```'));
    assert.ok(text.includes(`\`\`\`json\n${JSON.stringify(envelope)}\n\`\`\``));
    assert.match(text, /Answered 503: Postal retries in 2 min/);
    assert.match(text, /\*\*500 Internal Server Error\*\* in 12 ms/);
    // A body holding a fence cannot close the block early.
    assert.ok(text.includes('````\nboom ``` fence\n````'));
  });
});
