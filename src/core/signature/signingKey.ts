import { createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { keyId } from './keyId';

const generateRsaKeyPair = promisify(generateKeyPair);

/** The modulus size Postal's docs use (`openssl genrsa -out signing.key 2048`). */
export const SIGNING_KEY_BITS = 2048;

export interface SigningKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Postal's key id of the pair (`X-Postal-Signature-KID`). */
  kid: string;
}

/** Makes a new RSA-2048 signing key, as a Postal installation has. Runs off the main thread. */
export async function generateSigningKey(): Promise<SigningKeyPair> {
  const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: SIGNING_KEY_BITS, publicExponent: 0x10001 });
  return { privateKey, publicKey, kid: keyId(publicKey) };
}

/** A JWK as Postal's `/.well-known/jwks.json` lists it. */
export interface PostalJwk {
  kty: 'RSA';
  n: string;
  e: string;
  use: 'sig';
  alg: 'RS256';
  kid: string;
}

export interface PostalJwks {
  keys: PostalJwk[];
}

function publicOf(key: KeyObject): KeyObject {
  return key.type === 'private' ? createPublicKey(key) : key;
}

/** The DNS TXT value Postal publishes (`postal default-dkim-record`): `v=DKIM1; t=s; h=sha256; p=<base64 SPKI>;`. */
export function toDnsRecord(key: KeyObject): string {
  const spki = publicOf(key).export({ type: 'spki', format: 'der' }).toString('base64');
  return `v=DKIM1; t=s; h=sha256; p=${spki};`;
}

/** The JWKS document Postal serves at `/.well-known/jwks.json`, keys in Postal's order. */
export function toJwks(key: KeyObject): PostalJwks {
  const publicKey = publicOf(key);
  const { n, e } = publicKey.export({ format: 'jwk' });
  if (n === undefined || e === undefined) throw new TypeError('toJwks needs an RSA key');
  return { keys: [{ kty: 'RSA', n, e, use: 'sig', alg: 'RS256', kid: keyId(publicKey) }] };
}

/** The public key as a `BEGIN PUBLIC KEY` (SPKI) PEM. */
export function toPublicPem(key: KeyObject): string {
  return publicOf(key).export({ type: 'spki', format: 'pem' }).toString();
}

/** The private key as a `BEGIN RSA PRIVATE KEY` (PKCS#1) PEM, the form Postal's signing.key has. */
export function toPrivatePem(privateKey: KeyObject): string {
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}
