import { verify } from 'node:crypto';
import { type PublicKeyEntry, type PublicKeySet } from './publicKey';

/** Postal's signature headers, lower-cased as Node delivers them. */
export const SIGNATURE_HEADER = {
  kid: 'x-postal-signature-kid',
  sha256: 'x-postal-signature-256',
  sha1: 'x-postal-signature',
} as const;

/**
 * - `valid`: the signature verifies over the raw body with one of our keys.
 * - `invalid`: it does not (see `reason`).
 * - `missing`: the request carries no Postal signature header.
 * - `no-key`: it is signed, but no public key is configured, so nothing was checked.
 */
export type SignatureStatus = 'valid' | 'invalid' | 'missing' | 'no-key';
export type SignatureAlgorithm = 'sha256' | 'sha1';

/** The `X-Postal-Signature-KID` header against our key's id. It is a key selector and not signed. */
export interface KidCheck {
  header?: string;
  key?: string;
  /** Set when both ids are known. */
  matches?: boolean;
}

export interface SignatureResult {
  status: SignatureStatus;
  /** Which header was checked: SHA-256 when present, else the legacy SHA-1 one. */
  algorithm?: SignatureAlgorithm;
  kid?: KidCheck;
  /** Why it is not `valid`, in words a user can act on (also a note on an odd `valid`). */
  reason?: string;
}

/** Request headers as Node gives them (lower-case names); other casings are found too. */
export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Checks Postal's signature of `rawBody` (the exact bytes received, before any JSON parsing):
 * RSA PKCS#1 v1.5 with SHA-256 from `X-Postal-Signature-256`, or, when only the legacy header
 * is there (Postal before 3.2.0), with SHA-1 from `X-Postal-Signature`. Only one header is
 * checked, so a request costs one RSA verify. Never throws.
 */
export function verifySignature(rawBody: Buffer, headers: HeaderBag, keySet?: PublicKeySet): SignatureResult {
  const sha256 = headerValue(headers, SIGNATURE_HEADER.sha256);
  const signature = sha256 ?? headerValue(headers, SIGNATURE_HEADER.sha1);
  const kidHeader = headerValue(headers, SIGNATURE_HEADER.kid);
  if (signature === undefined) {
    return withKid(
      { status: 'missing', reason: 'No X-Postal-Signature-256 or X-Postal-Signature header. Postal signs every webhook, so this did not come from Postal, or a proxy dropped the headers.' },
      kidHeader,
    );
  }
  const algorithm: SignatureAlgorithm = sha256 === undefined ? 'sha1' : 'sha256';
  const headerName = algorithm === 'sha256' ? 'X-Postal-Signature-256' : 'X-Postal-Signature';
  if (keySet === undefined || keySet.keys.length === 0) {
    return withKid({ status: 'no-key', algorithm, reason: 'The request is signed, but no public key is configured, so the signature was not checked.' }, kidHeader);
  }
  const byKid = kidHeader === undefined ? undefined : keySet.keys.find((entry) => entry.kid === kidHeader || entry.declaredKid === kidHeader);
  const kid: KidCheck = { key: (byKid ?? keySet.keys[0]).kid };
  if (kidHeader !== undefined) {
    kid.header = kidHeader;
    kid.matches = byKid !== undefined;
  }
  const bytes = BASE64.test(signature) && signature.length % 4 === 0 ? Buffer.from(signature, 'base64') : undefined;
  if (bytes === undefined) {
    return { status: 'invalid', algorithm, kid, reason: `The ${headerName} header is not valid base64, so it cannot be a signature. Was it changed or cut on the way?` };
  }
  // The KID is not signed, so a mismatch only orders the keys: every key we trust is tried.
  const candidates = byKid === undefined ? keySet.keys : [byKid];
  const verifiedBy = candidates.find((entry) => verify(algorithm, rawBody, entry.key, bytes));
  if (verifiedBy !== undefined) {
    kid.key = verifiedBy.kid;
    if (kid.matches === false) return { status: 'valid', algorithm, kid, reason: 'The signature is valid, but the X-Postal-Signature-KID header names another key.' };
    return { status: 'valid', algorithm, kid };
  }
  return { status: 'invalid', algorithm, kid, reason: invalidReason(headerName, bytes.length, candidates, kid) };
}

function invalidReason(headerName: string, length: number, candidates: readonly PublicKeyEntry[], kid: KidCheck): string {
  if (candidates.every((entry) => entry.signatureBytes !== length)) {
    return `The ${headerName} header holds ${length} bytes, but a signature from our key is ${candidates[0].signatureBytes} bytes: it was cut short, or made with a different key.`;
  }
  if (kid.matches === true) {
    return 'The body was changed after signing: the KID header names our key, but the signature does not match these bytes. Are you passing the raw body, not re-serialized JSON?';
  }
  if (kid.matches === false) {
    return `Signed with a different key: the KID header is ${short(kid.header)}, our key is ${short(kid.key)}. Is the public key your Postal server's (postal default-dkim-record, or /.well-known/jwks.json)?`;
  }
  return 'Wrong key, or the body was changed (are you passing the raw body?).';
}

function short(id: string | undefined): string {
  return id === undefined ? '(none)' : `${id.slice(0, 12)}…`;
}

function withKid(result: SignatureResult, kidHeader: string | undefined): SignatureResult {
  if (kidHeader !== undefined) result.kid = { header: kidHeader };
  return result;
}

function headerValue(headers: HeaderBag, lowerName: string): string | undefined {
  let value = headers[lowerName];
  if (value === undefined) {
    for (const name in headers) {
      if (name.length === lowerName.length && name.toLowerCase() === lowerName) {
        value = headers[name];
        break;
      }
    }
  }
  const first = typeof value === 'string' ? value : value?.[0];
  return first === undefined ? undefined : first.trim();
}
