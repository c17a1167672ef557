import { postRaw } from '../http/postRaw';
import { type ForwardErrorCode, type ForwardResult } from '../store';

/** Headers that describe one hop, not the message, so they are not passed on. */
const NOT_FORWARDED = new Set(['host', 'content-length', 'connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'expect']);

export interface ForwardTarget {
  url: string;
  timeoutMs: number;
  maxBodyBytes: number;
}

export type FinishedForward = Exclude<ForwardResult, { outcome: 'pending' }>;

/**
 * Passes a request on to the user's app: the exact raw body and the request's own headers
 * (Content-Type, User-Agent, X-Postal-Signature*, …; hop-by-hop ones dropped), on a new
 * connection and without following redirects, as Postal does. Never throws: a failure is a
 * `failed` result whose message says what to do. `signal` cancels it (the listener stopping).
 */
export async function forwardRequest(
  body: Buffer,
  rawHeaders: readonly [string, string][],
  target: ForwardTarget,
  deps: { now: () => number; signal?: AbortSignal },
): Promise<FinishedForward> {
  const startedAt = deps.now();
  const headers = rawHeaders.filter(([name]) => !NOT_FORWARDED.has(name.toLowerCase()));
  const result = await postRaw(target.url, headers, body, { timeoutMs: target.timeoutMs, maxBodyBytes: target.maxBodyBytes, signal: deps.signal });
  const durationMs = deps.now() - startedAt;
  if (result.ok) return { outcome: 'response', url: target.url, startedAt, durationMs, ...result.response };
  return { outcome: 'failed', url: target.url, startedAt, durationMs, error: { code: result.code, message: failureMessage(result.code, target, result.error) } };
}

function failureMessage(code: ForwardErrorCode, target: ForwardTarget, error: Error): string {
  const url = new URL(target.url);
  switch (code) {
    case 'refused':
      return `Connection refused by ${url.host}: is your app running? Start it, or fix the forward URL.`;
    case 'timeout':
      return `${target.url} did not answer within ${target.timeoutMs / 1000} s (Postal itself gives up after 5 s).`;
    case 'dns':
      return `Unknown host ${url.hostname}: check the forward URL.`;
    case 'reset':
      return `${url.host} closed the connection before answering.`;
    case 'aborted':
      return 'Forwarding was cancelled because the listener stopped.';
    default:
      return `Forwarding to ${target.url} failed (${error.message}).`;
  }
}
