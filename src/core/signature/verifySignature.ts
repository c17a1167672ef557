import { verify } from 'node:crypto';
import { type PublicKeyEntry, type PublicKeySet } from './publicKey';
import { failureOf } from './signatureFailure';
import { type KidCheck, type SignatureAlgorithm, type SignatureResult, type VerificationKeys } from './signatureResult';

/** Postal's signature headers, lower-cased as Node delivers them. */
export const SIGNATURE_HEADER = {
  kid: 'x-postal-signature-kid',
  sha256: 'x-postal-signature-256',
  sha1: 'x-postal-signature',
} as const;

/** Request headers as Node gives them (lower-case names); other casings are found too. */
export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Checks Postal's signature of `rawBody` (the exact bytes received, before any JSON parsing):
 * RSA PKCS#1 v1.5 with SHA-256 from `X-Postal-Signature-256`, or, when only the legacy header
 * is there (Postal before 3.2.0), with SHA-1 from `X-Postal-Signature`. The key the KID header
 * names is tried first, so a good request costs one RSA verify. A request that fails costs one
 * more operation per key, to tell a changed body from another key. Never throws.
 */
export function verifySignature(rawBody: Buffer, headers: HeaderBag, keys: VerificationKeys | PublicKeySet = {}): SignatureResult {
  const { postal = [], development } = keyLists(keys);
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
  const bytes = BASE64.test(signature) && signature.length % 4 === 0 ? Buffer.from(signature, 'base64') : undefined;
  const candidates = ordered([...postal, ...(development === undefined ? [] : [development])], kidHeader);
  const signer = bytes === undefined ? undefined : candidates.find((entry) => verify(algorithm, rawBody, entry.key, bytes));
  if (signer !== undefined && signer !== development) return validResult(algorithm, kidHeader, signer);
  if (signer !== undefined) return { status: 'dev-key', algorithm, kid: kidCheck(kidHeader, signer), reason: DEV_KEY_NOTE };
  if (postal.length === 0) return unchecked(algorithm, kidHeader, development, bytes);
  const kid = kidCheck(kidHeader, postal.find((entry) => matchesKid(entry, kidHeader)) ?? postal[0]);
  return { status: 'invalid', algorithm, kid, ...failureOf({ algorithm, bytes, postal, development, kid }) };
}

/** What the hover and the log say of a request signed with the development key. */
export const DEV_KEY_NOTE = "Signed with your development key (this editor's test events and replays), not with Postal's key.";

function keyLists(keys: VerificationKeys | PublicKeySet): { postal?: readonly PublicKeyEntry[]; development?: PublicKeyEntry } {
  if ('keys' in keys) return { postal: keys.keys };
  const postal = keys.postal?.keys ?? [];
  // A development key also configured as Postal's key is Postal's key for this listener.
  const development = keys.development !== undefined && !postal.some((entry) => entry.kid === keys.development?.kid) ? keys.development : undefined;
  return { postal, development };
}

function validResult(algorithm: SignatureAlgorithm, kidHeader: string | undefined, signer: PublicKeyEntry): SignatureResult {
  const kid = kidCheck(kidHeader, signer);
  if (kid.matches === false) return { status: 'valid', algorithm, kid, reason: 'The signature is valid, but the X-Postal-Signature-KID header names another key.' };
  return { status: 'valid', algorithm, kid };
}

/** Without Postal's key nothing is checked, unless our development key made it over other bytes. */
function unchecked(algorithm: SignatureAlgorithm, kidHeader: string | undefined, development: PublicKeyEntry | undefined, bytes: Buffer | undefined): SignatureResult {
  if (development !== undefined && bytes !== undefined) {
    const kid = kidCheck(kidHeader, development);
    const failure = failureOf({ algorithm, bytes, postal: [], development, kid });
    if (failure.failure === 'body-changed') return { status: 'invalid', algorithm, kid, ...failure };
  }
  const result: SignatureResult = { status: 'no-key', algorithm, reason: 'The request is signed, but no public key is configured, so the signature was not checked.' };
  // The key it was compared with, so that a later check knows whether anything changed since.
  if (development !== undefined) result.kid = kidCheck(kidHeader, development);
  else if (kidHeader !== undefined) result.kid = { header: kidHeader };
  return result;
}

/** The key the KID header names first (it is not signed, so every key is still tried). */
function ordered(entries: readonly PublicKeyEntry[], kidHeader: string | undefined): PublicKeyEntry[] {
  const named = entries.find((entry) => matchesKid(entry, kidHeader));
  return named === undefined ? [...entries] : [named, ...entries.filter((entry) => entry !== named)];
}

function matchesKid(entry: PublicKeyEntry, kidHeader: string | undefined): boolean {
  return kidHeader !== undefined && (entry.kid === kidHeader || entry.declaredKid === kidHeader);
}

function kidCheck(header: string | undefined, entry: PublicKeyEntry): KidCheck {
  return header === undefined ? { key: entry.kid } : { header, key: entry.kid, matches: matchesKid(entry, header) };
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
