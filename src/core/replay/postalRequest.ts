import { type KeyObject } from 'node:crypto';
import { sign } from '../signature';

/** The Postal release whose requests we imitate unless told otherwise (the newest one described). */
export const DEFAULT_POSTAL_VERSION = '3.3.6';
/** The release that added `X-Postal-Signature-256` and `X-Postal-Signature-KID`. */
const FIRST_SHA256_VERSION = [3, 2, 0] as const;

/** An HTTP request ready to send, export as curl or replay. Headers in sending order. */
export interface PostalRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: Buffer;
}

export interface PostalRequestOptions {
  url: string;
  /** The exact bytes to send and sign (see `serialize.ts` for Postal's JSON). */
  body: Buffer;
  /** The development signing key; omit for an unsigned request. */
  privateKey?: KeyObject;
  /** Which Postal to imitate: before 3.2.0 only the SHA-1 `X-Postal-Signature` is sent. */
  postalVersion?: string;
  /** `application/json` (webhooks, and inbound mail as JSON) or `application/x-www-form-urlencoded` (inbound mail as a form). */
  contentType?: string;
}

/** `3.3.6`, `3.2.0`, `2.3.2`, `0.0.0-dev`: numbers Postal's `VERSION` file holds. */
const VERSION_PATTERN = /^(\d+)\.(\d+)\.(\d+)(?:[-.][0-9A-Za-z.-]+)?$/;

/** Why `text` is not a Postal version, or undefined when it is one. */
export function postalVersionProblem(text: string): string | undefined {
  return VERSION_PATTERN.test(text) ? undefined : `'${text}' is not a Postal version; write it like ${DEFAULT_POSTAL_VERSION}.`;
}

/** True for versions before 3.2.0, which signed with SHA-1 only. */
export function signsLegacyOnly(version: string): boolean {
  const match = VERSION_PATTERN.exec(version);
  if (!match) throw new RangeError(postalVersionProblem(version));
  const parts = match.slice(1, 4).map(Number);
  for (let index = 0; index < 3; index++) {
    if (parts[index] !== FIRST_SHA256_VERSION[index]) return parts[index] < FIRST_SHA256_VERSION[index];
  }
  return false;
}

/**
 * Ruby's Net::HTTP writes each dash-separated part of a header name capitalised
 * (`header.rb#capitalize`), so Postal's KID header goes out as `X-Postal-Signature-Kid`.
 */
export function netHttpHeaderName(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-');
}

/**
 * The request Postal would send with `body` (`lib/postal/http.rb`): POST with Net::HTTP's
 * `Accept-Encoding` and `Accept`, Postal's `User-Agent` and `Content-Type`, and its signature
 * headers. Host, Content-Length and `Connection: close` are added when it is sent (`postRaw`).
 */
export function buildPostalRequest(options: PostalRequestOptions): PostalRequest {
  const version = options.postalVersion ?? DEFAULT_POSTAL_VERSION;
  const headers: [string, string][] = [
    ['Accept-Encoding', 'gzip;q=1.0,deflate;q=0.6,identity;q=0.3'],
    ['Accept', '*/*'],
    ['User-Agent', `Postal/${version}`],
    ['Content-Type', options.contentType ?? 'application/json'],
  ];
  if (options.privateKey !== undefined) {
    const signature = sign(options.body, options.privateKey, { legacy: signsLegacyOnly(version) });
    for (const [name, value] of Object.entries(signature)) if (value !== undefined) headers.push([netHttpHeaderName(name), value]);
  }
  return { method: 'POST', url: options.url, headers, body: options.body };
}

/** The value of a header, whatever the case of its name. */
export function headerValue(request: Pick<PostalRequest, 'headers'>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return request.headers.find(([candidate]) => candidate.toLowerCase() === lower)?.[1];
}
