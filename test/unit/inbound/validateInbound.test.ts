import * as assert from 'node:assert/strict';
import { typedFormValue } from '../../../src/core/inbound/formTypes';
import { inboundHashSample, inboundRawSample } from '../../../src/core/inbound/inboundSamples';
import { validateInbound } from '../../../src/core/inbound/validateInbound';

const messages = (value: unknown, format: 'hash' | 'raw', encoding: 'json' | 'form' = 'json'): string[] => validateInbound(value, format, encoding).issues.map((issue) => issue.message);

describe('inbound validation', () => {
  it("accepts Postal's own bodies in both formats", () => {
    assert.deepEqual(validateInbound(inboundHashSample(), 'hash'), { ok: true, issues: [] });
    assert.deepEqual(validateInbound(inboundRawSample(), 'raw'), { ok: true, issues: [] });
    const { attachments: _attachments, ...bare } = inboundHashSample();
    assert.equal(validateInbound(bare, 'hash').ok, true, 'attachments come only with the endpoint option on');
    assert.equal(validateInbound({ ...inboundHashSample(), replies_from_plain_body: null }, 'hash').ok, true, 'replies_from_plain_body comes with strip replies');
  });

  it("names Postal's quirks in plain words", () => {
    assert.deepEqual(messages({ ...inboundHashSample(), size: 1282 }, 'hash'), ['size must be a string, got 1282 (in the Hash format Postal sends size as a string, e.g. "1282": it stores it as text)']);
    assert.deepEqual(messages({ ...inboundRawSample(), size: '300' }, 'raw'), ['size must be an integer, got "300" (a string) (in the RawMessage format Postal sends size as an integer; only the Hash format sends a string)']);
    assert.deepEqual(messages({ ...inboundHashSample(), received_with_ssl: false }, 'hash'), ['received_with_ssl must be true or null, got false (Postal sends true for mail that came over TLS and null otherwise, never false)']);
    assert.deepEqual(messages({ ...inboundHashSample(), reply_to: 'x@y' }, 'hash'), ['reply_to must be an array of strings or null, got "x@y" (a string) (Postal sends every Reply-To header, as an array)']);
    assert.match(messages({ ...inboundHashSample(), message_id: '<a@b>' }, 'hash')[0], /^message_id must be the Message-ID without its angle brackets, got "<a@b>"/);
    assert.match(messages({ ...inboundHashSample(), subject: 'x'.repeat(201) }, 'hash')[0], /^subject has 201 characters: Postal keeps the first 200$/);
    assert.match(messages({ ...inboundRawSample(), message: 'SGVsbG8=' }, 'raw')[0], /^message must be base64 with a newline every 60 characters and at the end/);
    assert.deepEqual(messages({ ...inboundRawSample(), base64: false }, 'raw'), ['base64 must be true, got false (Postal always sends true)']);
  });

  it('reports a missing field with when Postal sends null for it', () => {
    const { to: _to, ...withoutTo } = inboundHashSample();
    assert.deepEqual(messages(withoutTo, 'hash'), ['to is missing (Postal always sends it; it is null when the message has no such header)']);
  });

  it('checks a form through the types its text stands for, without calling text a string', () => {
    const form = { ...Object.fromEntries(Object.entries(inboundHashSample()).map(([key, value]) => [key, typeof value === 'number' || typeof value === 'boolean' ? String(value) : value])), id: 'x1', bounce: 'maybe' };
    assert.deepEqual(messages(typedFormValue(form, 'hash'), 'hash', 'form'), ['id must be an integer, got "x1"', 'bounce must be true or false, got "maybe"']);
  });
});
