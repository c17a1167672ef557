import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { rubyFloat } from '../../../src/core/replay/rubyFloat';

const FIXTURE = join(__dirname, '../../../../test/fixtures/replay/ruby-floats.json');

describe('rubyFloat', () => {
  it('prints every double of the fixture exactly as real Ruby printed it', () => {
    const { ruby, cases } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { ruby: string; cases: [string, string][] };
    assert.ok(cases.length > 500, `the fixture from Ruby ${ruby} lost its cases`);
    const mismatches = cases.filter(([input, expected]) => rubyFloat(Number(input)) !== expected);
    assert.deepEqual(mismatches.map(([input, expected]) => `${input}: Ruby ${expected}, ours ${rubyFloat(Number(input))}`), []);
  });

  it('keeps .0 on a whole-second timestamp, as Postal sends an old datetime(0) created_at', () => {
    assert.equal(rubyFloat(1714567890), '1714567890.0');
    assert.equal(rubyFloat(0), '0.0');
    assert.equal(rubyFloat(-0), '-0.0');
  });

  it('switches to Ruby exponent form where JavaScript does not', () => {
    assert.equal(rubyFloat(1e15), '1.0e+15');
    assert.equal(rubyFloat(1.5e20), '1.5e+20');
    assert.equal(rubyFloat(0.00001), '1.0e-05');
    assert.equal(rubyFloat(1.23e-5), '1.23e-05');
    assert.equal(rubyFloat(999999999999999.9), '999999999999999.9');
    assert.equal(rubyFloat(0.0001), '0.0001');
  });

  it('writes non-finite numbers as null, like ActiveSupport', () => {
    assert.equal(rubyFloat(Number.NaN), 'null');
    assert.equal(rubyFloat(Number.POSITIVE_INFINITY), 'null');
  });

  it('always reads back as the same double and always looks like a float', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = rubyFloat(value);
        assert.ok(Object.is(Number(text), value), `${text} does not read back as ${value}`);
        assert.match(text, /^-?\d+\.\d+(e[+-]\d{2,3})?$/);
      }),
      { numRuns: 2000 },
    );
  });
});

