import { answerOf, type DeliveryPolicy, deliveryOutcome, type PostalOutcome, WEBHOOK_POLICY } from '../delivery';
import { type ForwardErrorCode, type HttpExchange, type HttpResponse, sendRequest } from '../http';
import { type PostalRequest } from './postalRequest';

/** Postal waits this long for a webhook's answer (`Timeout.timeout(5)`). */
export const POSTAL_TIMEOUT_MS = WEBHOOK_POLICY.timeoutSeconds * 1000;
/** How much of the answer's body is kept to show. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

export interface SendDeps {
  now: () => number;
  /** Cancels the request (the user pressed Cancel). */
  signal?: AbortSignal;
  /** Default: the policy's time limit (5 s for webhooks, as Postal). */
  timeoutMs?: number;
  /** How Postal judges the answer; default: webhooks. */
  policy?: DeliveryPolicy;
}

/** What happened to one attempt, and what Postal would do next. */
export interface SendResult {
  url: string;
  attempt: number;
  /** When it was sent, ms since the epoch. */
  startedAt: number;
  timeMs: number;
  /** Set when the receiver answered (any status). */
  response?: HttpResponse;
  /** Set when there was no answer; `message` says what to do. */
  error?: { code: ForwardErrorCode; message: string };
  /** What Postal would do with this answer; absent when the user cancelled. */
  outcome?: PostalOutcome;
}

/**
 * Sends `request` the way Postal delivers it: one POST, no redirects followed (a 3xx is a
 * failure for Postal), given up after the policy's time limit. Never throws. `attempt` is the
 * Postal attempt this stands for (1-based), which decides what Postal would do after a failure.
 */
export async function sendPostalRequest(request: PostalRequest, deps: SendDeps, attempt = 1): Promise<SendResult> {
  const policy = deps.policy ?? WEBHOOK_POLICY;
  const timeoutMs = deps.timeoutMs ?? policy.timeoutSeconds * 1000;
  const exchange = await sendRequest(request, { timeoutMs, maxBodyBytes: RESPONSE_BODY_LIMIT, now: deps.now, signal: deps.signal });
  return toSendResult(exchange, attempt, policy);
}

function toSendResult(exchange: HttpExchange, attempt: number, policy: DeliveryPolicy): SendResult {
  const result: SendResult = { url: exchange.url, attempt, startedAt: exchange.startedAt, timeMs: exchange.durationMs };
  if (exchange.outcome === 'response') {
    const { status, statusText, headers, body } = exchange;
    result.response = { status, statusText, headers, body };
  } else {
    result.error = exchange.error;
  }
  const answer = answerOf(exchange);
  if (answer !== undefined) result.outcome = deliveryOutcome(policy, answer, attempt);
  return result;
}
