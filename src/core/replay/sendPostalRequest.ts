import { type FinishedForward, forwardRequest } from '../listener/forwardRequest';
import { POSTAL_DELIVERY, type PostalAnswer, postalOutcome, type PostalOutcome } from '../listener/postalRetries';
import { type ForwardErrorCode, type StoredBody } from '../store';
import { type PostalRequest } from './postalRequest';

/** Postal waits this long for an answer (`Timeout.timeout(5)`). */
export const POSTAL_TIMEOUT_MS = POSTAL_DELIVERY.timeoutSeconds * 1000;
/** How much of the answer's body is kept to show. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

export interface SendDeps {
  now: () => number;
  /** Cancels the request (the user pressed Cancel). */
  signal?: AbortSignal;
  /** Default 5 s, as Postal. */
  timeoutMs?: number;
}

/** What happened to one attempt, and what Postal would do next. */
export interface SendResult {
  url: string;
  attempt: number;
  /** When it was sent, ms since the epoch. */
  startedAt: number;
  timeMs: number;
  /** Set when the receiver answered (any status). */
  response?: { status: number; statusText: string; headers: Record<string, string>; body: StoredBody };
  /** Set when there was no answer; `message` says what to do. */
  error?: { code: ForwardErrorCode; message: string };
  /** What Postal would do with this answer; absent when the user cancelled. */
  outcome?: PostalOutcome;
}

/**
 * Sends `request` the way Postal delivers a webhook: one POST, no redirects followed (a 3xx is
 * a failure for Postal), given up after 5 s. Never throws. `attempt` is the Postal attempt this
 * stands for (1–6), which decides what Postal would do after a failure.
 */
export async function sendPostalRequest(request: PostalRequest, deps: SendDeps, attempt = 1): Promise<SendResult> {
  const timeoutMs = deps.timeoutMs ?? POSTAL_TIMEOUT_MS;
  const result = await forwardRequest(request.body, request.headers, { url: request.url, timeoutMs, maxBodyBytes: RESPONSE_BODY_LIMIT }, deps);
  return toSendResult(result, attempt, timeoutMs);
}

function toSendResult(result: FinishedForward, attempt: number, timeoutMs: number): SendResult {
  const base = { url: result.url, attempt, startedAt: result.startedAt, timeMs: result.durationMs };
  if (result.outcome === 'response') {
    const { status, statusText, headers, body } = result;
    return { ...base, response: { status, statusText, headers, body }, outcome: postalOutcome(status, attempt) };
  }
  const { code } = result.error;
  const error = { code, message: failureMessage(code, result.url, timeoutMs, result.error.message) };
  if (code === 'aborted') return { ...base, error };
  const answer: PostalAnswer = code === 'timeout' ? 'timeout' : isTlsFailure(result.error.message) ? 'ssl-error' : 'error';
  return { ...base, error, outcome: postalOutcome(answer, attempt) };
}

function isTlsFailure(message: string): boolean {
  return /certificate|SSL|TLS/i.test(message);
}

function failureMessage(code: ForwardErrorCode, url: string, timeoutMs: number, detail: string): string {
  const { host, hostname } = new URL(url);
  switch (code) {
    case 'refused':
      return `Connection refused by ${host}: is your app running on that port?`;
    case 'timeout':
      return `${url} did not answer within ${timeoutMs / 1000} s (Postal waits 5 s, then records -1 "Timed out after 5s").`;
    case 'dns':
      return `Unknown host ${hostname}: check the URL.`;
    case 'reset':
      return `${host} closed the connection before answering.`;
    case 'aborted':
      return 'Cancelled.';
    default:
      return detail;
  }
}
