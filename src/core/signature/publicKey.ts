import { createPublicKey, type JsonWebKey, type KeyObject, X509Certificate } from 'node:crypto';
import { isPlainObject } from '../jsonValue';
import { keyId, signatureLength } from './keyId';

/** Where a public key came from, as detected by {@link parsePublicKey}. */
export type KeyFormat = 'dns' | 'spki-base64' | 'jwks' | 'jwk' | 'pem-spki' | 'pem-pkcs1' | 'certificate';

/** One verification key, parsed once so that checking a request does no key work. */
export interface PublicKeyEntry {
  /** Postal's id for this key: SHA-256 hex of its PKCS#1 DER (see `keyId`). */
  kid: string;
  /** The `kid` a JWK declared, when it declared one (normally equal to `kid`). */
  declaredKid?: string;
  key: KeyObject;
  /** Length in bytes of a signature made with this key (256 for RSA-2048). */
  signatureBytes: number;
}

/** The keys a receiver trusts: one for a DNS record or PEM, one or more for a JWKS. */
export interface PublicKeySet {
  format: KeyFormat;
  keys: readonly PublicKeyEntry[];
}

export type KeyParseErrorCode =
  | 'empty'
  | 'unrecognized'
  | 'invalid-json'
  | 'invalid-jwk'
  | 'invalid-pem'
  | 'invalid-base64'
  | 'not-rsa'
  | 'private-key'
  | 'revoked'
  | 'no-keys';

/** A key text we could not use; `message` says what is wrong and what to give instead. */
export class KeyParseError extends Error {
  constructor(
    readonly code: KeyParseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KeyParseError';
  }
}

export type KeyParseResult = { ok: true; keySet: PublicKeySet } | { ok: false; error: KeyParseError };

const KEY_FORMS_HINT =
  "Give Postal's DNS record value (v=DKIM1; t=s; h=sha256; p=…, from `postal default-dkim-record`), " +
  'its JWKS (https://<postal-host>/.well-known/jwks.json) or a PEM public key.';

/**
 * Reads a public key in any form Postal publishes it, detected from the text itself:
 * - a DNS TXT value `v=DKIM1; t=s; h=sha256; p=<base64 SPKI>;` (tags optional, quotes and
 *   split TXT strings allowed), or just the bare base64 SPKI;
 * - a JWKS document `{"keys":[…]}` (every RSA signing key is kept, selected later by kid) or a
 *   single JWK;
 * - PEM: `BEGIN PUBLIC KEY` (SPKI), `BEGIN RSA PUBLIC KEY` (PKCS#1) or `BEGIN CERTIFICATE`.
 * Never throws for bad input: the error result says what is wrong.
 */
export function parsePublicKey(text: string): KeyParseResult {
  try {
    return { ok: true, keySet: parseKeyText(text) };
  } catch (error) {
    if (error instanceof KeyParseError) return { ok: false, error };
    throw error;
  }
}

function parseKeyText(text: string): PublicKeySet {
  const trimmed = text.trim();
  if (trimmed === '') throw new KeyParseError('empty', `The key text is empty. ${KEY_FORMS_HINT}`);
  if (trimmed.startsWith('{')) return parseJsonKey(trimmed);
  if (trimmed.includes('-----BEGIN')) return parsePem(trimmed);
  if (/(^|[\s;"])p\s*=/.test(trimmed)) return parseDnsRecord(trimmed);
  if (/^[A-Za-z0-9+/=\s]+$/.test(trimmed)) return single('spki-base64', decodeDerKey(trimmed, 'The key'));
  throw new KeyParseError('unrecognized', `This is not a public key we recognise. ${KEY_FORMS_HINT}`);
}

function single(format: KeyFormat, key: KeyObject, declaredKid?: string): PublicKeySet {
  return { format, keys: [entryFor(key, declaredKid)] };
}

function entryFor(key: KeyObject, declaredKid?: string): PublicKeyEntry {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new KeyParseError('not-rsa', `This is an ${key.asymmetricKeyType ?? 'unknown'} key, but Postal signs webhooks with RSA.`);
  }
  const entry: PublicKeyEntry = { kid: keyId(key), key, signatureBytes: signatureLength(key) };
  if (declaredKid !== undefined) entry.declaredKid = declaredKid;
  return entry;
}

function parseDnsRecord(text: string): PublicKeySet {
  // `dig` prints TXT values quoted and long ones split into several strings: join them back.
  const joined = text.replace(/"\s*"/g, '').replace(/"/g, '');
  const tags = new Map<string, string>();
  for (const part of joined.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) tags.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const keyType = tags.get('k');
  if (keyType !== undefined && keyType.toLowerCase() !== 'rsa') {
    throw new KeyParseError('not-rsa', `The DNS record has k=${keyType}, but Postal signs webhooks with RSA.`);
  }
  const p = tags.get('p');
  if (p === undefined) throw new KeyParseError('unrecognized', `The DNS record has no p= tag. ${KEY_FORMS_HINT}`);
  if (p.replace(/\s/g, '') === '') throw new KeyParseError('revoked', 'The DNS record has an empty p= tag, which means the key was revoked.');
  return single('dns', decodeDerKey(p, 'The p= value'));
}

function decodeDerKey(base64: string, what: string): KeyObject {
  const compact = base64.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new KeyParseError('invalid-base64', `${what} is not valid base64. Copy the whole value, without line breaks inside it.`);
  }
  const der = Buffer.from(compact, 'base64');
  for (const type of ['spki', 'pkcs1'] as const) {
    try {
      return createPublicKey({ key: der, format: 'der', type });
    } catch {
      // Try the next encoding; the error below covers both.
    }
  }
  throw new KeyParseError('invalid-base64', `${what} decodes, but not to a public key (expected base64 DER SubjectPublicKeyInfo). Was it cut short?`);
}

function parsePem(text: string): PublicKeySet {
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1] ?? '';
  if (label.includes('PRIVATE KEY')) {
    throw new KeyParseError(
      'private-key',
      'This is a private key. The listener needs only the public key: run `openssl rsa -in signing.key -pubout` and give its output (keep the private key secret).',
    );
  }
  try {
    if (label === 'CERTIFICATE') return single('certificate', new X509Certificate(text).publicKey);
    if (label === 'PUBLIC KEY') return single('pem-spki', createPublicKey({ key: text, format: 'pem' }));
    if (label === 'RSA PUBLIC KEY') return single('pem-pkcs1', createPublicKey({ key: text, format: 'pem', type: 'pkcs1' }));
  } catch (error) {
    if (error instanceof KeyParseError) throw error;
    throw new KeyParseError('invalid-pem', `The PEM ${label} block could not be read (${(error as Error).message}). Is it complete?`);
  }
  throw new KeyParseError('invalid-pem', `A PEM "${label}" block is not a public key. Use "PUBLIC KEY", "RSA PUBLIC KEY" or "CERTIFICATE".`);
}

function parseJsonKey(text: string): PublicKeySet {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new KeyParseError('invalid-json', `The key looks like JSON but does not parse: ${(error as Error).message}.`);
  }
  if (!isPlainObject(value)) throw new KeyParseError('invalid-jwk', 'The JSON is not a JWKS or JWK object.');
  if (Array.isArray(value.keys)) return parseJwks(value.keys);
  if (typeof value.kty === 'string') return { format: 'jwk', keys: [jwkEntry(value)] };
  throw new KeyParseError('invalid-jwk', 'The JSON has neither "keys" (a JWKS) nor "kty" (a JWK).');
}

function parseJwks(keys: unknown[]): PublicKeySet {
  const entries = keys
    .filter((jwk): jwk is Record<string, unknown> => isPlainObject(jwk) && jwk.kty === 'RSA' && (jwk.use === undefined || jwk.use === 'sig'))
    .map(jwkEntry);
  if (entries.length === 0) throw new KeyParseError('no-keys', 'The JWKS has no RSA signing key ("kty":"RSA").');
  return { format: 'jwks', keys: entries };
}

function jwkEntry(jwk: Record<string, unknown>): PublicKeyEntry {
  if (jwk.kty !== 'RSA') throw new KeyParseError('not-rsa', `The JWK has "kty":${JSON.stringify(jwk.kty)}, but Postal signs webhooks with RSA.`);
  if ('d' in jwk) throw new KeyParseError('private-key', 'The JWK holds a private key ("d"). Give only the public key (kty, n, e, kid).');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
  } catch (error) {
    throw new KeyParseError('invalid-jwk', `The JWK is not a valid RSA public key (${(error as Error).message}).`);
  }
  return entryFor(key, typeof jwk.kid === 'string' ? jwk.kid : undefined);
}
