/** How many unsigned or badly signed requests, and how many of their bytes, are taken in per minute. */
export interface UnverifiedLimits {
  requests: number;
  bytes: number;
}

/**
 * Defaults: far more than anyone sends by hand or from a test suite in a minute, far less than a
 * flood. Postal's own requests are signed, so they never count against it once the key is set.
 */
export const DEFAULT_UNVERIFIED_LIMITS: UnverifiedLimits = { requests: 60, bytes: 5 * 1024 * 1024 };

const WINDOW_MS = 60_000;

/**
 * The budget for requests that do not prove they come from Postal while a public key is set:
 * within it they are handled and kept as usual (marked unsigned or invalid); beyond it they are
 * answered 429 and only counted, so a flood cannot fill the history. Fixed one-minute windows.
 */
export class UnverifiedBudget {
  private windowStart = Number.NEGATIVE_INFINITY;
  private requests = 0;
  private bytes = 0;

  constructor(
    private readonly limits: UnverifiedLimits,
    private readonly now: () => number,
  ) {}

  /** Whether no more can be taken this minute (checked before a body is read). */
  exhausted(): boolean {
    this.roll();
    return this.requests >= this.limits.requests || this.bytes >= this.limits.bytes;
  }

  /** Takes one request of `size` bytes; false (nothing taken) when it does not fit this minute. */
  take(size: number): boolean {
    this.roll();
    if (this.requests + 1 > this.limits.requests || this.bytes + size > this.limits.bytes) return false;
    this.requests += 1;
    this.bytes += size;
    return true;
  }

  private roll(): void {
    const now = this.now();
    if (now - this.windowStart < WINDOW_MS) return;
    this.windowStart = now;
    this.requests = 0;
    this.bytes = 0;
  }
}
