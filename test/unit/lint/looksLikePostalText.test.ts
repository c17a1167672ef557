import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { listVariants, looksLikeEnvelope } from '../../../src/core/events';
import { looksLikePostalText, POSTAL_SNIFF_CHARS } from '../../../src/core/lint/looksLikePostalText';
import { NOW_MS, packageLockLike } from './lintHelpers';

const envelopes = listVariants().map((variant) => variant.build({ seed: 3, now: NOW_MS / 1000 }) as Record<string, unknown>);

describe('looksLikePostalText: is a plain JSON file a webhook body?', () => {
  it('recognises every sample body, pretty-printed or on one line', () => {
    for (const envelope of envelopes) {
      assert.equal(looksLikePostalText(JSON.stringify(envelope, null, 2)), true, String(envelope.event));
      assert.equal(looksLikePostalText(JSON.stringify(envelope)), true, String(envelope.event));
    }
  });

  it('recognises bodies whose keys were reordered, with the payload before the event', () => {
    for (const { event, timestamp, payload, uuid } of envelopes) {
      const reordered = { uuid, payload, timestamp, event };
      assert.equal(looksLikePostalText(JSON.stringify(reordered, null, 2)), true, String(event));
    }
  });

  it('recognises a body that is broken further down, has comments or starts with a byte order mark', () => {
    const text = JSON.stringify(envelopes[0], null, 2);
    assert.equal(looksLikePostalText(`${text.slice(0, -2)},\n}`), true);
    assert.equal(looksLikePostalText(text.slice(0, text.indexOf('"payload"') + 15)), true, 'cut off inside the payload');
    assert.equal(looksLikePostalText(`// captured 1 May\n{ /* from Postal */ "event": "MessageSent", "payload": {} }`), true);
    assert.equal(looksLikePostalText(`\uFEFF${text}`), true);
  });

  it('answers no for other JSON: configuration, arrays, bare payloads, wrong types', () => {
    const no = [
      '', '   ', '[]', '{}', 'null', '"event"', '{"name":"x","version":"1.0.0"}',
      '[{"event":"MessageSent","payload":{}}]',
      JSON.stringify(envelopes[0].payload),
      '{"event":42,"payload":{}}',
      '{"event":"MessageSent","payload":[]}',
      '{"event":"MessageSent"}',
      '{"config":{"event":"MessageSent","payload":{}}}',
    ];
    for (const text of no) assert.equal(looksLikePostalText(text), false, text);
  });

  it('looks only at the first root keys and the first few KiB', () => {
    const manyKeys = Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`key${index}`, index]));
    assert.equal(looksLikePostalText(JSON.stringify({ ...manyKeys, event: 'MessageSent', payload: {} })), false);
    const bigFirst = { notes: 'x'.repeat(POSTAL_SNIFF_CHARS), event: 'MessageSent', payload: {} };
    assert.equal(looksLikePostalText(JSON.stringify(bigFirst)), false);
    assert.equal(looksLikePostalText(packageLockLike(200 * 1024)), false);
  });

  it('agrees with parsing the whole text for any small JSON object', () => {
    const key = fc.constantFrom('event', 'payload', 'timestamp', 'uuid', 'name', 'data');
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }), fc.array(fc.jsonValue(), { maxLength: 3 }));
    const root = fc.dictionary(key, value, { maxKeys: 6 });
    fc.assert(
      fc.property(root, fc.boolean(), (object, pretty) => {
        const text = JSON.stringify(object, null, pretty ? 2 : 0);
        fc.pre(text.length <= POSTAL_SNIFF_CHARS);
        assert.equal(looksLikePostalText(text), looksLikeEnvelope(object), text);
      }),
      { numRuns: 500 },
    );
  });
});
