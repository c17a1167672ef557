import { redactUrl } from '../core/http';

/** A setting value that cannot be used, in words that say what to put instead. */
export interface SettingProblem<Id extends string = string> {
  /** The full id, e.g. `postalWebhooks.replay.timeoutMs`, for "Open Settings". */
  setting: Id;
  message: string;
}

export interface NumberLimits {
  min: number;
  /** No upper limit when absent. */
  max?: number;
  integer?: boolean;
  /** Said after the range, e.g. ` ms`. */
  unit?: string;
}

/**
 * Reads one section's settings through `get` (a configuration lookup by key) and checks each
 * value. Unset means the default; a value that cannot be used also gives the default, and a
 * problem naming the setting and what to put instead, which the caller reports. Free of
 * `vscode`, so every feature's settings parse in plain Node tests.
 */
export class SettingsReader<Key extends string> {
  readonly problems: SettingProblem[] = [];

  constructor(
    private readonly section: string,
    private readonly get: (key: Key) => unknown,
  ) {}

  /** The full id of `key`. */
  id(key: Key): string {
    return `${this.section}.${key}`;
  }

  /** The raw value, for settings with a shape of their own; undefined when unset. */
  raw(key: Key): unknown {
    return this.get(key) ?? undefined;
  }

  boolean(key: Key, fallback: boolean): boolean {
    const value = this.raw(key);
    if (value === undefined || typeof value === 'boolean') return value ?? fallback;
    return this.reject(key, value, 'use true or false.', fallback);
  }

  number(key: Key, fallback: number, limits: NumberLimits): number {
    const value = this.raw(key);
    if (value === undefined) return fallback;
    const { min, max, integer = false, unit = '' } = limits;
    if (typeof value === 'number' && Number.isFinite(value) && (!integer || Number.isInteger(value)) && value >= min && (max === undefined || value <= max)) return value;
    const kind = integer ? 'a whole number' : 'a number';
    return this.reject(key, value, max === undefined ? `use ${kind} of ${min}${unit} or more.` : `use ${kind} from ${min} to ${max}${unit}.`, fallback);
  }

  /** A string, trimmed; `problem` says why a string is unusable (undefined when it is fine). */
  text(key: Key, fallback: string, problem: (text: string) => string | undefined): string {
    const value = this.raw(key);
    if (value === undefined) return fallback;
    const why = typeof value === 'string' ? problem(value.trim()) : 'use text.';
    return why === undefined ? (value as string).trim() : this.reject(key, value, why, fallback);
  }

  /** Records a problem in the words of the caller, e.g. for one entry of a list. */
  report(key: Key, message: string): void {
    this.problems.push({ setting: this.id(key), message });
  }

  private reject<T>(key: Key, value: unknown, hint: string, fallback: T): T {
    // A URL's credentials are not repeated in a message.
    this.report(key, `${this.id(key)} is ${JSON.stringify(typeof value === 'string' ? redactUrl(value) : value)}: ${hint} Until then its default applies.`);
    return fallback;
  }
}
