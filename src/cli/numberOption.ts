import { UsageError } from './io';

/**
 * A numeric option's value: `fallback` when absent, else a number from `min` to `max` (a whole
 * one when `integer`), or a UsageError that says what was expected.
 */
export function numberOption(flag: string, text: string | undefined, fallback: number, range: { min: number; max: number; integer?: boolean }): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  const wellFormed = range.integer === true ? /^\d+$/.test(text) : text.trim() !== '' && Number.isFinite(value);
  if (!wellFormed || value < range.min || value > range.max) {
    throw new UsageError(`${flag} must be a ${range.integer === true ? 'whole number' : 'number'} from ${range.min} to ${range.max}, not '${text}'.`);
  }
  return value;
}
