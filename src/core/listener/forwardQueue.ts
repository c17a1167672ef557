import { redactUrl } from '../http';
import { type Logger } from '../logger';
import { type FinishedForward, forwardRequest, type ForwardTarget } from './forwardRequest';

export interface ForwardLimits {
  /** Forwards sent to the app at once. */
  maxInFlight: number;
  /** Forwards waiting for a free slot; beyond this, requests are not forwarded. */
  maxWaiting: number;
}

export const DEFAULT_FORWARD_LIMITS: ForwardLimits = { maxInFlight: 64, maxWaiting: 1000 };

interface Waiting {
  start(): void;
  cancel(reason: string): void;
}

/**
 * Passes requests on to the app with at most `maxInFlight` at once, the rest waiting in a
 * bounded queue. When that is full too, the request is not forwarded (its record says so) and
 * one line is logged until the queue drains. Stopping cancels every forward through one
 * listener on `stopSignal`, not one per forward.
 */
export class ForwardQueue {
  private readonly inFlight = new Set<AbortController>();
  private readonly waiting: Waiting[] = [];
  private skipped = 0;

  constructor(
    private readonly target: ForwardTarget,
    private readonly limits: ForwardLimits,
    private readonly stopSignal: AbortSignal,
    private readonly deps: { now: () => number; logger: Logger },
  ) {
    stopSignal.addEventListener('abort', () => this.cancelAll(), { once: true });
  }

  send(body: Buffer, rawHeaders: readonly [string, string][]): Promise<FinishedForward> {
    const startedAt = this.deps.now();
    if (this.stopSignal.aborted) return Promise.resolve(this.notSent(startedAt, 'aborted', stopReason(this.stopSignal)));
    if (this.inFlight.size < this.limits.maxInFlight) return this.run(body, rawHeaders);
    if (this.waiting.length >= this.limits.maxWaiting) return Promise.resolve(this.overflow(startedAt));
    return new Promise((resolve) => {
      this.waiting.push({
        start: () => void this.run(body, rawHeaders).then(resolve),
        cancel: (reason) => resolve(this.notSent(startedAt, 'aborted', reason)),
      });
    });
  }

  private async run(body: Buffer, rawHeaders: readonly [string, string][]): Promise<FinishedForward> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    try {
      return await forwardRequest(body, rawHeaders, this.target, { now: this.deps.now, signal: controller.signal });
    } finally {
      this.inFlight.delete(controller);
      this.next();
    }
  }

  private next(): void {
    const waiting = this.waiting.shift();
    if (waiting !== undefined) {
      waiting.start();
      return;
    }
    if (this.skipped > 0 && this.inFlight.size === 0) {
      this.deps.logger.info(`forwarding caught up; ${this.skipped} request(s) were not forwarded while it was backed up`);
      this.skipped = 0;
    }
  }

  private overflow(startedAt: number): FinishedForward {
    if (this.skipped === 0) {
      this.deps.logger.warn(
        `forwarding is backed up: ${this.inFlight.size} forwards are waiting for your app and ${this.waiting.length} more are queued, so new requests are kept and answered but not forwarded until it catches up`,
      );
    }
    this.skipped += 1;
    const message = `Not forwarded: ${this.limits.maxInFlight} forwards were waiting for your app and ${this.limits.maxWaiting} more were queued. Is your app answering?`;
    return this.notSent(startedAt, 'other', message);
  }

  private notSent(startedAt: number, code: 'aborted' | 'other', message: string): FinishedForward {
    return { outcome: 'failed', url: redactUrl(this.target.url), startedAt, durationMs: this.deps.now() - startedAt, error: { code, message } };
  }

  private cancelAll(): void {
    const reason = stopReason(this.stopSignal);
    for (const controller of this.inFlight) controller.abort(reason);
    for (const waiting of this.waiting.splice(0)) waiting.cancel(reason);
  }
}

function stopReason(signal: AbortSignal): string {
  return typeof signal.reason === 'string' ? signal.reason : 'Cancelled.';
}
