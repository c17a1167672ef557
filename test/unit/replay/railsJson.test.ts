import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { railsJson, railsString } from '../../../src/core/replay/railsJson';

describe('railsJson', () => {
  it('escapes < > & and U+2028/U+2029 the Rails way and leaves other characters raw', () => {
    assert.equal(railsString('<a href="x">Tom & Jerry</a>'), '"\\u003ca href=\\"x\\"\\u003eTom \\u0026 Jerry\\u003c/a\\u003e"');
    assert.equal(railsString('line\u2028para\u2029'), '"line\\u2028para\\u2029"');
    assert.equal(railsString('café 😀 /path'), '"café 😀 /path"');
  });

  it('escapes control characters as the json gem does', () => {
    assert.equal(railsString('a\nb\tc\u0000\u001f\b\f\r"\\\u007f'), '"a\\nb\\tc\\u0000\\u001f\\b\\f\\r\\"\\\\\u007f"');
  });

  it('writes compact JSON in the given key order, floats only where the caller says', () => {
    const value = { event: 'SendLimitApproaching', timestamp: 1714567890, payload: { volume: 912, limit: 1000, ratio: 0.912 }, uuid: 'u' };
    const floats = new Set(['timestamp']);
    const text = railsJson(value, { numberKindAt: (path) => (floats.has(path.join('.')) ? 'float' : undefined) });
    assert.equal(text, '{"event":"SendLimitApproaching","timestamp":1714567890.0,"payload":{"volume":912,"limit":1000,"ratio":0.912},"uuid":"u"}');
  });

  it('writes safe integers as integers and anything a double cannot hold as an Integer as a Ruby float', () => {
    assert.equal(railsJson([48213, -7, 1e21, 2 ** 60, 0.5]), '[48213,-7,1.0e+21,1.152921504606847e+18,0.5]');
  });

  it('lays out readable JSON with the same escaping when asked to indent', () => {
    const text = railsJson({ a: [1, { b: '<' }], c: {}, d: [] }, { indent: 2 });
    assert.equal(text, '{\n  "a": [\n    1,\n    {\n      "b": "\\u003c"\n    }\n  ],\n  "c": {},\n  "d": []\n}');
  });

  it('reads back as the same value for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.deepEqual(JSON.parse(railsJson(value)), JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('matches JSON.stringify once its escapes are applied, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const expected = JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
        assert.equal(railsString(text), expected);
      }),
      { numRuns: 1000 },
    );
  });
});
