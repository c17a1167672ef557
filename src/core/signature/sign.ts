import { createPrivateKey, type KeyObject, sign as rsaSign } from 'node:crypto';
import { keyId } from './keyId';

/** The headers Postal puts on a signed request, named as Postal sets them. */
export interface PostalSignatureHeaders {
  /** SHA-256 hex of the PKCS#1 public key (3.2.0+). Ruby's Net::HTTP sends it as `X-Postal-Signature-Kid`. */
  'X-Postal-Signature-KID'?: string;
  /** RSA-SHA1, base64: the only signature before Postal 3.2.0, still sent for legacy receivers. */
  'X-Postal-Signature': string;
  /** RSA-SHA256, base64 (3.2.0+). */
  'X-Postal-Signature-256'?: string;
}

export interface SignOptions {
  /** Sign like Postal before 3.2.0: only the SHA-1 `X-Postal-Signature`, no KID, no SHA-256. */
  legacy?: boolean;
  /** Overrides the KID header (default: the key's own id), e.g. to test a KID mismatch. */
  kid?: string;
}

/**
 * Signs `body` exactly as Postal does (`lib/postal/signer.rb`): RSA PKCS#1 v1.5 over the raw
 * bytes, standard base64 with padding and no newlines. A string body is signed as UTF-8.
 * `privateKey` is a KeyObject or a PEM text (PKCS#1 `RSA PRIVATE KEY` as `openssl genrsa` writes, or PKCS#8).
 */
export function sign(body: Buffer | string, privateKey: KeyObject | string, options: SignOptions = {}): PostalSignatureHeaders {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const sha1 = rsaSign('sha1', bytes, key).toString('base64');
  if (options.legacy === true) return { 'X-Postal-Signature': sha1 };
  return {
    'X-Postal-Signature-KID': options.kid ?? keyId(key),
    'X-Postal-Signature': sha1,
    'X-Postal-Signature-256': rsaSign('sha256', bytes, key).toString('base64'),
  };
}
