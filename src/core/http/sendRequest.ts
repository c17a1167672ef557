import { type HttpExchange } from './exchange';
import { postRaw } from './postRaw';
import { redactUrl } from './redact';
import { failureMessage } from './requestFailure';

export interface OutgoingRequest {
  url: string;
  /** Sent exactly as given, in this order and case (Host and Content-Length are added). */
  headers: readonly [string, string][];
  body: Buffer;
}

export interface SendOptions {
  /** Deadline for the whole exchange, connecting included. */
  timeoutMs: number;
  /** How much of the answer's body to keep. */
  maxBodyBytes: number;
  now: () => number;
  /** Cancels the request; a string `reason` says why, in the failure's message. */
  signal?: AbortSignal;
}

/**
 * POSTs one request as Postal does (see `postRaw`) and says what became of it: the answer with
 * its timing, or a failure classified and worded for the user. Never throws. Listener forwarding
 * and replays both send through here, so they fail alike and say so alike. The result names the
 * URL with its credentials masked (see `redactUrl`): it is what gets stored and shown.
 */
export async function sendRequest(request: OutgoingRequest, options: SendOptions): Promise<HttpExchange> {
  const startedAt = options.now();
  const result = await postRaw(request.url, request.headers, request.body, { timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, signal: options.signal });
  const durationMs = options.now() - startedAt;
  const url = redactUrl(request.url);
  if (result.ok) return { outcome: 'response', url, startedAt, durationMs, ...result.response };
  const message = failureMessage(result.code, url, options.timeoutMs, result.error.message);
  return { outcome: 'failed', url, startedAt, durationMs, error: { code: result.code, message } };
}
