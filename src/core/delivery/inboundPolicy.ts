import { type DeliveryPolicy } from './deliveryPolicy';

/** The endpoint timeouts Postal's form allows (`http_endpoint.rb`), and its default. */
export const INBOUND_TIMEOUT_RANGE = { min: 5, max: 60, default: 5 } as const;
/** `postal.default_maximum_delivery_attempts`. */
export const INBOUND_MAX_ATTEMPTS = 18;

export interface InboundPolicyOptions {
  /** The endpoint's timeout in seconds, 5–60 (default 5). */
  timeoutSeconds?: number;
  /**
   * Whether Postal may bounce this message to its sender: not when it is itself a bounce
   * (`bounce: true`) or has no sender (`mail_from` empty) — `Message#send_bounces?`.
   */
  sendsBounces?: boolean;
}

/** Minutes Postal waits after failed attempt `attempt`: 5 × 1.3^(attempt − 1) (`has_locking.rb#retry_later`). */
export function inboundRetryDelayMinutes(attempt: number): number {
  return 5 * 1.3 ** (attempt - 1);
}

/**
 * What Postal does with the answer to an inbound e-mail sent to an HTTP endpoint
 * (`app/senders/http_sender.rb` and the message dequeuer, Postal 2.x and 3.x alike):
 * - 2xx: Sent;
 * - 5xx, a timeout, a connection or TLS error: SoftFail, retried after 5 min × 1.3ⁿ, up to 18
 *   attempts (about 31 hours), then a HardFail with a bounce to the sender;
 * - 429: HardFail, never retried, no bounce;
 * - anything else (1xx, 3xx since redirects are not followed, 4xx): HardFail, never retried,
 *   and a bounce e-mail to the sender.
 * The wait ignores the half minute Postal's worker may add before picking a message up again.
 */
export function inboundPolicy(options: InboundPolicyOptions = {}): DeliveryPolicy {
  const sendsBounces = options.sendsBounces ?? true;
  return {
    timeoutSeconds: options.timeoutSeconds ?? INBOUND_TIMEOUT_RANGE.default,
    maxAttempts: INBOUND_MAX_ATTEMPTS,
    verdict: (statusCode) => {
      if (statusCode >= 200 && statusCode <= 299) return 'sent';
      if (statusCode < 0 || (statusCode >= 500 && statusCode <= 599)) return 'soft-fail';
      return 'hard-fail';
    },
    retryDelayMinutes: inboundRetryDelayMinutes,
    bouncesOnFinalFailure: (statusCode) => sendsBounces && statusCode !== 429,
  };
}

/** The policy with Postal's defaults: 5 s timeout, bounces allowed. */
export const INBOUND_POLICY: DeliveryPolicy = inboundPolicy();
