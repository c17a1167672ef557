import { type HttpExchange } from '../http';

/**
 * What Postal's HTTP client got back (`lib/postal/http.rb`): an HTTP status, no answer in time,
 * a connection error (refused, reset, DNS, network) or a TLS error.
 */
export type PostalAnswer = number | 'timeout' | 'error' | 'ssl-error';

/** Postal's own (negative) result codes, shown in its history instead of an HTTP status. */
export const POSTAL_RESULT_CODE = {
  /** No answer within the time limit; body "Timed out after 5s". */
  timeout: -1,
  /** Connection refused/reset, DNS or network errors; body is the exception message. */
  connectionError: -2,
  /** `OpenSSL::SSL::SSLError`; body "Invalid SSL certificate". */
  sslError: -3,
  /** After 3.3.6 only: a private/loopback destination refused by the SSRF guard. */
  destinationNotPermitted: -4,
} as const;

/**
 * Postal's verdict on one answer, in its own terms: `sent` (done), `soft-fail` (tried again
 * later, while attempts are left) or `hard-fail` (final, never retried).
 */
export type AnswerVerdict = 'sent' | 'soft-fail' | 'hard-fail';

/**
 * How Postal delivers one kind of request and judges the answers: webhooks have one policy,
 * inbound mail to HTTP endpoints another (other verdicts, delays and attempts).
 */
export interface DeliveryPolicy {
  /** How long Postal waits for an answer, connecting included. */
  readonly timeoutSeconds: number;
  /** The first attempt plus the retries. */
  readonly maxAttempts: number;
  /** The verdict on an answer's result code (an HTTP status or a `POSTAL_RESULT_CODE`). */
  verdict(statusCode: number): AnswerVerdict;
  /** Minutes Postal waits after failed attempt `attempt` (1-based, below `maxAttempts`). */
  retryDelayMinutes(attempt: number): number;
  /**
   * Whether failing for good with this result code (a hard fail, or the last attempt failing)
   * makes Postal send a bounce e-mail to the message's sender. Absent: never (webhooks).
   */
  bouncesOnFinalFailure?(statusCode: number): boolean;
}

/** What Postal does after one attempt. */
export interface PostalOutcome {
  attempt: number;
  /** What Postal writes in its history: the HTTP status, or a negative result code. */
  statusCode: number;
  success: boolean;
  willRetry: boolean;
  /** Minutes until Postal's next attempt, when it will retry. */
  nextAttemptInMinutes?: number;
  /** Postal stops trying: a final failure, or a failure on the last attempt. */
  gaveUp: boolean;
  /** Postal gave up and sends the message's sender a bounce e-mail (inbound mail only). */
  bounce?: boolean;
}

/** What Postal does under `policy` after attempt `attempt` (1-based) got `answer`. Pure. */
export function deliveryOutcome(policy: DeliveryPolicy, answer: PostalAnswer, attempt: number): PostalOutcome {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be 1 or more, not ${attempt}`);
  const statusCode = typeof answer === 'number' ? answer : resultCode(answer);
  const verdict = policy.verdict(statusCode);
  if (verdict === 'sent') return { attempt, statusCode, success: true, willRetry: false, gaveUp: false };
  if (verdict === 'hard-fail' || attempt >= policy.maxAttempts) {
    const outcome: PostalOutcome = { attempt, statusCode, success: false, willRetry: false, gaveUp: true };
    if (policy.bouncesOnFinalFailure !== undefined) outcome.bounce = policy.bouncesOnFinalFailure(statusCode);
    return outcome;
  }
  return { attempt, statusCode, success: false, willRetry: true, nextAttemptInMinutes: policy.retryDelayMinutes(attempt), gaveUp: false };
}

/** How Postal sees an answer sent after `delayMs`: past its time limit it is a timeout. */
export function answerAfterDelay(policy: DeliveryPolicy, status: number, delayMs: number): PostalAnswer {
  return delayMs >= policy.timeoutSeconds * 1000 ? 'timeout' : status;
}

/** What Postal does after attempt `attempt` was answered `status` after `delayMs` (the listener's answers). */
export function outcomeOfDelayedAnswer(policy: DeliveryPolicy, status: number, delayMs: number, attempt: number): PostalOutcome {
  return deliveryOutcome(policy, answerAfterDelay(policy, status, delayMs), attempt);
}

/** Postal's view of one exchange; undefined when it was cancelled (Postal never cancels). */
export function answerOf(exchange: HttpExchange): PostalAnswer | undefined {
  if (exchange.outcome === 'response') return exchange.status;
  const { code } = exchange.error;
  if (code === 'aborted') return undefined;
  return code === 'timeout' ? 'timeout' : code === 'tls' ? 'ssl-error' : 'error';
}

function resultCode(answer: 'timeout' | 'error' | 'ssl-error'): number {
  if (answer === 'timeout') return POSTAL_RESULT_CODE.timeout;
  if (answer === 'ssl-error') return POSTAL_RESULT_CODE.sslError;
  return POSTAL_RESULT_CODE.connectionError;
}
