import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Postal's key id (the `X-Postal-Signature-KID` header and the JWKS `kid`): the SHA-256 hex of
 * the PKCS#1 RSAPublicKey DER, i.e. SEQUENCE { n, e }. This is what ruby-jwt's default
 * `key_digest` kid generator computes for Postal's signing key.
 *
 * Accepts a public or a private key; for a private key the id of its public half is returned.
 */
export function keyId(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const der = publicKey.export({ type: 'pkcs1', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/** The size of an RSA signature made with this key, in bytes (256 for RSA-2048). */
export function signatureLength(key: KeyObject): number {
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 2048;
  return Math.ceil(bits / 8);
}
