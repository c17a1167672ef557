import { isUtf8 } from 'node:buffer';
import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type ForwardErrorCode, type HttpResponse, type StoredBody } from './exchange';
import { classifyFailure } from './requestFailure';

export type RawPostResult = { ok: true; response: HttpResponse } | { ok: false; code: ForwardErrorCode; error: Error };

export interface RawPostOptions {
  /** Deadline for the whole exchange, connecting included (as Postal's `Timeout.timeout(5)`). */
  timeoutMs: number;
  /** How much of the answer's body to keep. */
  maxBodyBytes: number;
  /** Cancels the request; a string `reason` (why) becomes the failure's message. */
  signal?: AbortSignal;
}

/**
 * POSTs `body` with exactly the given headers, the way Postal's Net::HTTP client does: a new
 * connection per request (`Connection: close`), no redirects followed, user:password in the URL
 * sent as Basic auth. Only Host and Content-Length are added. Node's `fetch` would add headers
 * of its own (`accept-language`, `sec-fetch-mode`) and keep connections alive, so it is not used.
 * Never throws.
 */
export function postRaw(url: string, headers: readonly [string, string][], body: Buffer, options: RawPostOptions): Promise<RawPostResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: RawPostResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const fail = (code: ForwardErrorCode, error: Error): void => {
      finish({ ok: false, code, error });
      request.destroy();
    };
    let request: ClientRequest;
    try {
      request = startRequest(new URL(url), headers, body);
    } catch (error) {
      resolve({ ok: false, code: 'other', error: error instanceof Error ? error : new Error(String(error)) });
      return;
    }
    const timer = setTimeout(() => fail('timeout', new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    const onAbort = (): void => fail('aborted', new Error(typeof options.signal?.reason === 'string' ? options.signal.reason : 'Cancelled.'));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, code: classifyFailure(error), error }));
    request.on('response', (response) => {
      readCapped(response, options.maxBodyBytes).then(
        (stored) => finish({ ok: true, response: { status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers: joinHeaders(response), body: stored } }),
        (error: NodeJS.ErrnoException) => finish({ ok: false, code: classifyFailure(error), error }),
      );
    });
  });
}

function startRequest(target: URL, headers: readonly [string, string][], body: Buffer): ClientRequest {
  const outgoing: Record<string, string> = { Connection: 'close' };
  for (const [name, value] of headers) outgoing[name] = name in outgoing ? `${outgoing[name]}, ${value}` : value;
  outgoing['Content-Length'] = String(body.length);
  const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : undefined;
  if (send === undefined) throw new Error(`${target.protocol} URLs are not supported: use http:// or https://`);
  const auth = target.username === '' ? undefined : `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
  const request = send({
    method: 'POST',
    protocol: target.protocol,
    hostname: target.hostname.replace(/^\[|\]$/g, ''),
    port: target.port === '' ? undefined : Number(target.port),
    path: `${target.pathname}${target.search}`,
    headers: outgoing,
    auth,
    agent: false,
  });
  request.end(body);
  return request;
}

function readCapped(response: IncomingMessage, maxBytes: number): Promise<StoredBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let kept = 0;
    const done = (truncated: boolean): void => {
      const bytes = Buffer.concat(chunks, kept);
      const utf8 = isUtf8(bytes);
      resolve({ encoding: utf8 ? 'utf8' : 'base64', data: bytes.toString(utf8 ? 'utf8' : 'base64'), size, truncated });
    };
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (kept < maxBytes) {
        const part = chunk.subarray(0, maxBytes - kept);
        chunks.push(part);
        kept += part.length;
      }
      if (size > maxBytes) {
        response.destroy();
        done(true);
      }
    });
    response.on('end', () => done(false));
    response.on('error', reject);
  });
}

function joinHeaders(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
