/** Bytes kept as text: UTF-8 when the bytes are valid UTF-8, else base64 (bodies can be binary). */
export interface StoredBody {
  encoding: 'utf8' | 'base64';
  data: string;
  /** Size in bytes of the whole body as received (or as announced, for a body too large to read). */
  size: number;
  /** True when `data` holds only the first part of the body. */
  truncated: boolean;
}

/** An HTTP answer as kept for showing and recording. */
export interface HttpResponse {
  status: number;
  statusText: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body, cut at the caller's limit (see `truncated`). */
  body: StoredBody;
}

/**
 * Why a request got no HTTP answer: the connection was refused, no answer came in time, the host
 * name did not resolve, the connection closed early, TLS failed (certificate or protocol), the
 * caller cancelled it, or anything else.
 */
export type ForwardErrorCode = 'refused' | 'timeout' | 'dns' | 'reset' | 'tls' | 'aborted' | 'other';

/** What became of one request: an answer (any status), or a failure whose `message` says what to do. */
export type HttpExchange =
  | ({ outcome: 'response'; url: string; startedAt: number; durationMs: number } & HttpResponse)
  | { outcome: 'failed'; url: string; startedAt: number; durationMs: number; error: { code: ForwardErrorCode; message: string } };
