import { type HttpExchange, sendRequest, withoutHopByHopHeaders } from '../http';

export interface ForwardTarget {
  url: string;
  timeoutMs: number;
  maxBodyBytes: number;
}

/** A forward with its result: the app's answer, or why there was none. */
export type FinishedForward = HttpExchange;

/**
 * Passes a request on to the user's app: the exact raw body and the request's own headers
 * (Content-Type, User-Agent, X-Postal-Signature*, …; hop-by-hop ones dropped), on a new
 * connection and without following redirects, as Postal does. Never throws: a failure is a
 * `failed` result whose message says what to do. `signal` cancels it (the listener stopping).
 */
export function forwardRequest(
  body: Buffer,
  rawHeaders: readonly [string, string][],
  target: ForwardTarget,
  deps: { now: () => number; signal?: AbortSignal },
): Promise<FinishedForward> {
  const request = { url: target.url, headers: withoutHopByHopHeaders(rawHeaders), body };
  return sendRequest(request, { timeoutMs: target.timeoutMs, maxBodyBytes: target.maxBodyBytes, now: deps.now, signal: deps.signal });
}
