import { randomBytes } from 'node:crypto';

/**
 * Random values for sample events. With a seed the sequence is fixed (mulberry32, a tiny PRNG
 * that is plenty for made-up ids); without one it comes from the crypto module.
 */
export class SampleRandom {
  private constructor(private readonly nextUnit: () => number) {}

  static seeded(seed: number): SampleRandom {
    let state = Math.trunc(seed) >>> 0;
    return new SampleRandom(() => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    });
  }

  static unseeded(): SampleRandom {
    return new SampleRandom(() => randomBytes(4).readUInt32BE(0) / 4294967296);
  }

  /** A number in [0, 1). */
  unit(): number {
    return this.nextUnit();
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.unit() * (max - min + 1));
  }

  pick<T>(choices: readonly T[]): T {
    return choices[this.int(0, choices.length - 1)];
  }

  /** Random characters from `alphabet`, like Postal's `SecureRandom.alphanumeric`. */
  chars(length: number, alphabet = ALPHANUMERIC): string {
    return Array.from({ length }, () => alphabet[this.int(0, alphabet.length - 1)]).join('');
  }

  /** A random (version 4) UUID, as Postal's `SecureRandom.uuid` makes. */
  uuid(): string {
    const bytes = Array.from({ length: 16 }, () => this.int(0, 255));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LETTERS = `${UPPER}abcdefghijklmnopqrstuvwxyz`;
export const ALPHANUMERIC = `${LETTERS}0123456789`;
export const UPPER_LETTERS = UPPER;
export const HEX_UPPER = '0123456789ABCDEF';
