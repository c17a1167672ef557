import { type ForwardErrorCode, type ForwardResult, type StoredBody } from '../store';
import { isUtf8 } from 'node:buffer';

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
 * (Content-Type, User-Agent, X-Postal-Signature*, …; hop-by-hop ones dropped), without
 * following redirects, as Postal does not. Never throws: a failure is a `failed` result whose
 * message says what to do. `signal` cancels it (the listener stopping).
 */
export async function forwardRequest(
  body: Buffer,
  rawHeaders: readonly [string, string][],
  target: ForwardTarget,
  deps: { fetch: typeof fetch; now: () => number; signal?: AbortSignal },
): Promise<FinishedForward> {
  const startedAt = deps.now();
  const headers = new Headers();
  for (const [name, value] of rawHeaders) if (!NOT_FORWARDED.has(name.toLowerCase())) headers.append(name, value);
  const timeout = AbortSignal.timeout(target.timeoutMs);
  const signal = deps.signal === undefined ? timeout : AbortSignal.any([timeout, deps.signal]);
  try {
    const response = await deps.fetch(target.url, { method: 'POST', headers, body, redirect: 'manual', signal });
    const responseBody = await readCapped(response, target.maxBodyBytes);
    return {
      outcome: 'response',
      url: target.url,
      startedAt,
      durationMs: deps.now() - startedAt,
      status: response.status,
      statusText: response.statusText,
      headers: Object.fromEntries(response.headers),
      body: responseBody,
    };
  } catch (error) {
    const code = timeout.aborted ? 'timeout' : errorCode(error);
    return { outcome: 'failed', url: target.url, startedAt, durationMs: deps.now() - startedAt, error: { code, message: failureMessage(code, target, error) } };
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<StoredBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let kept = 0;
  let truncated = false;
  if (response.body !== null) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (kept < maxBytes) {
        const part = Buffer.from(value.buffer, value.byteOffset, Math.min(value.byteLength, maxBytes - kept));
        chunks.push(part);
        kept += part.length;
      }
      if (size > maxBytes) {
        truncated = true;
        await reader.cancel();
        break;
      }
    }
  }
  const bytes = Buffer.concat(chunks, kept);
  const utf8 = isUtf8(bytes);
  return { encoding: utf8 ? 'utf8' : 'base64', data: bytes.toString(utf8 ? 'utf8' : 'base64'), size, truncated };
}

function errorCode(error: unknown): ForwardErrorCode {
  if (error instanceof Error && error.name === 'AbortError') return 'aborted';
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'dns';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return 'reset';
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timeout';
    default:
      return 'other';
  }
}

function failureMessage(code: ForwardErrorCode, target: ForwardTarget, error: unknown): string {
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
    default: {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return `Forwarding to ${target.url} failed (${error instanceof Error ? error.message : String(error)}${cause}).`;
    }
  }
}
