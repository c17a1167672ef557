/**
 * Ruby's `Float#to_s`, which Rails' `to_json` uses for every float Postal sends.
 *
 * Ruby and JavaScript agree on the digits: both print the shortest decimal that reads back as
 * the same double. They differ in the layout:
 * - a whole number keeps `.0` in Ruby (`1714567890.0`), JavaScript drops it (`1714567890`);
 * - Ruby uses exponent form for a whole number of 1e15 or more (`1.0e+15`,
 *   `9.007199254740992e+15`; JavaScript waits until 1e21; `1234567890123456.8` has a fraction and
 *   stays fixed in both) and for anything below 0.0001 (`1.0e-05`; JavaScript waits until 1e-7);
 * - Ruby's exponent always has a sign and at least two digits, and its mantissa always has a
 *   fraction (`1.0e+20`, `2.5e-07`).
 * (numeric.c `flo_to_s`; checked against real Ruby in test/fixtures/replay/ruby-floats.json.)
 * Postal's real floats (Unix timestamps near 1.7e9, durations like 0.42) never reach either
 * threshold; the exponent rules are here so that any float a user writes is sent as Ruby would.
 */

/** Ruby's `DBL_DIG`: the most digits a whole float is written with before Ruby uses an exponent. */
const MAX_WHOLE_DIGITS = 15;
/** Ruby writes `0.000ddd` down to three zeros after the point, then switches to exponent form. */
const MIN_FIXED_DECIMAL_POINT = -3;

/** Shortest round-trip digits and the decimal point position: value = 0.DIGITS × 10^pointAt. */
function shortestDigits(magnitude: number): { digits: string; pointAt: number } {
  // toExponential() without an argument gives exactly the shortest round-trip digits.
  const [mantissa, exponent] = magnitude.toExponential().split('e');
  return { digits: mantissa.replace('.', ''), pointAt: Number(exponent) + 1 };
}

/**
 * Formats a double as Ruby's `Float#to_s`. Non-finite values are not valid JSON, and
 * ActiveSupport turns them into `null`, so that is what this returns for them.
 */
export function rubyFloat(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (value === 0) return `${sign}0.0`;
  const { digits, pointAt } = shortestDigits(Math.abs(value));
  const fixed = pointAt > 0 ? pointAt < digits.length || pointAt <= MAX_WHOLE_DIGITS : pointAt >= MIN_FIXED_DECIMAL_POINT;
  if (!fixed) {
    const exponent = pointAt - 1;
    const fraction = digits.length > 1 ? digits.slice(1) : '0';
    const exponentText = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${digits[0]}.${fraction}e${exponentText}`;
  }
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}.0`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

