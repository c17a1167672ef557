import { WEBHOOK_POLICY } from '../delivery';
import { type PostalRequest } from './postalRequest';
import { type SendDeps, sendPostalRequest, type SendResult } from './sendPostalRequest';

export interface DeliveryOptions {
  /**
   * How much faster than Postal to wait between attempts: 60 turns Postal's 2 minutes into 2 s.
   * 1 waits as long as Postal would (about 36 minutes over six attempts).
   */
  timeCompression: number;
  /** Told about each attempt as soon as it is settled. */
  onAttempt?: (result: SendResult) => void;
  /** Told before each wait, with its length, so a UI can show "retrying in 3 s". */
  onWait?: (attempt: number, waitMs: number) => void;
  /** Waits `ms` unless `signal` aborts; replaceable in tests of the schedule itself. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Delivers `request` as Postal's worker would under the policy in `deps` (webhooks by default):
 * attempt 1, and after each failure Postal retries the next attempt after its delay (for
 * webhooks 2, 3, 6, 10, 15 minutes), divided by `timeCompression`, until an attempt succeeds,
 * fails for good, or the last one fails. The signal in `deps` stops it between or during
 * attempts. Resolves to every attempt made, in order.
 */
export async function simulateDelivery(request: PostalRequest, deps: SendDeps, options: DeliveryOptions): Promise<SendResult[]> {
  if (!(options.timeCompression >= 1)) throw new RangeError(`timeCompression must be 1 or more, not ${options.timeCompression}`);
  const sleep = options.sleep ?? abortableSleep;
  const attempts: SendResult[] = [];
  const maxAttempts = (deps.policy ?? WEBHOOK_POLICY).maxAttempts;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const result = await sendPostalRequest(request, deps, attempt);
    attempts.push(result);
    options.onAttempt?.(result);
    const minutes = result.outcome?.nextAttemptInMinutes;
    if (result.outcome?.willRetry !== true || minutes === undefined || deps.signal?.aborted === true) break;
    const waitMs = Math.round((minutes * 60_000) / options.timeCompression);
    options.onWait?.(attempt, waitMs);
    try {
      await sleep(waitMs, deps.signal);
    } catch {
      break; // cancelled while waiting
    }
  }
  return attempts;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new Error('aborted'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
