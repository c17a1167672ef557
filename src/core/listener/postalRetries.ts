/**
 * What Postal does with the answer to a webhook (`app/services/webhook_delivery_service.rb` and
 * `lib/postal/http.rb`, Postal 2.x and 3.x alike). The listener's response modes exist to let
 * users watch this happen; `docs/postal-retries.md` explains it for people.
 */
export const POSTAL_DELIVERY = {
  /** `Timeout.timeout(5)` around connecting and the whole exchange. */
  timeoutSeconds: 5,
  /** The first attempt plus five retries; after the sixth failure the request is deleted. */
  maxAttempts: 6,
  /** `RETRIES`: minutes to wait after failed attempt 1…5 (about 36 minutes in all). */
  retryDelaysMinutes: [2, 3, 6, 10, 15],
  /** Only 200–299 is success; redirects are not followed, so 3xx is a failure. */
  success: { min: 200, max: 299 },
} as const;

/** Postal's own (negative) result codes, shown in its webhook history instead of an HTTP status. */
export const POSTAL_RESULT_CODE = {
  /** No answer within 5 s; body "Timed out after 5s". */
  timeout: -1,
  /** Connection refused/reset, DNS or network errors; body is the exception message. */
  connectionError: -2,
  /** `OpenSSL::SSL::SSLError`; body "Invalid SSL certificate". */
  sslError: -3,
  /** After 3.3.6 only: a private/loopback destination refused by the SSRF guard. */
  destinationNotPermitted: -4,
} as const;

/** The whole table, one row per kind of answer, for docs and help texts. */
export const POSTAL_ANSWER_TABLE: readonly { answer: string; postalRecords: string; result: string }[] = [
  { answer: '2xx within 5 s', postalRecords: 'the status', result: 'success; the request is done' },
  { answer: '3xx', postalRecords: 'the status', result: 'failure (redirects are not followed); retried' },
  { answer: '4xx or 5xx', postalRecords: 'the status', result: 'failure; retried' },
  { answer: 'no answer within 5 s', postalRecords: '-1 "Timed out after 5s"', result: 'failure; retried' },
  { answer: 'refused, reset, DNS or network error', postalRecords: '-2 and the error message', result: 'failure; retried' },
  { answer: 'TLS certificate error', postalRecords: '-3 "Invalid SSL certificate"', result: 'failure; retried' },
  { answer: 'any failure on attempt 6', postalRecords: 'as above', result: 'Postal gives up and deletes the request' },
];

/** What the listener (or a replay) got back, as Postal would classify it. */
export type PostalAnswer = number | 'timeout' | 'error' | 'ssl-error';

export interface PostalOutcome {
  attempt: number;
  /** What Postal writes in its history: the HTTP status, or a negative result code. */
  statusCode: number;
  success: boolean;
  willRetry: boolean;
  /** Minutes until Postal's next attempt, when it will retry. */
  nextAttemptInMinutes?: number;
  /** A failure on the last attempt: Postal deletes the request. */
  gaveUp: boolean;
}

/** What Postal does after attempt `attempt` (1-based) got `answer`. Pure. */
export function postalOutcome(answer: PostalAnswer, attempt: number): PostalOutcome {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be 1 or more, not ${attempt}`);
  const statusCode = typeof answer === 'number' ? answer : answerCode(answer);
  const success = statusCode >= POSTAL_DELIVERY.success.min && statusCode <= POSTAL_DELIVERY.success.max;
  if (success) return { attempt, statusCode, success, willRetry: false, gaveUp: false };
  const nextAttemptInMinutes = POSTAL_DELIVERY.retryDelaysMinutes[attempt - 1] as number | undefined;
  if (nextAttemptInMinutes === undefined) return { attempt, statusCode, success, willRetry: false, gaveUp: true };
  return { attempt, statusCode, success, willRetry: true, nextAttemptInMinutes, gaveUp: false };
}

/** How Postal sees an answer sent after `delayMs`: past its 5 s limit it is a timeout. */
export function postalAnswerFor(status: number, delayMs: number): PostalAnswer {
  return delayMs >= POSTAL_DELIVERY.timeoutSeconds * 1000 ? 'timeout' : status;
}

function answerCode(answer: 'timeout' | 'error' | 'ssl-error'): number {
  if (answer === 'timeout') return POSTAL_RESULT_CODE.timeout;
  if (answer === 'ssl-error') return POSTAL_RESULT_CODE.sslError;
  return POSTAL_RESULT_CODE.connectionError;
}
