import { constants, publicDecrypt } from 'node:crypto';
import { type PublicKeyEntry } from './publicKey';
import { type KidCheck, type SignatureAlgorithm, type SignatureFailure } from './signatureResult';

/**
 * The DER prefix of PKCS#1 v1.5's DigestInfo for each hash (RFC 8017, 9.2 note 1), in hex, and
 * the length of the hash that follows it. Plain strings: a module without calls at load time is
 * left out of bundles that do not use it.
 */
const DIGEST_INFO: Record<SignatureAlgorithm, { prefix: string; hashBytes: number }> = {
  sha256: { prefix: '3031300d060960864801650304020105000420', hashBytes: 32 },
  sha1: { prefix: '3021300906052b0e03021a05000414', hashBytes: 20 },
};

const KEY_HINT = "Is the public key your Postal server's (postal default-dkim-record, or /.well-known/jwks.json)?";

export interface FailedCheck {
  algorithm: SignatureAlgorithm;
  /** The signature's bytes; undefined when the header is not base64. */
  bytes: Buffer | undefined;
  postal: readonly PublicKeyEntry[];
  development: PublicKeyEntry | undefined;
  kid: KidCheck;
}

/**
 * Why a signature did not verify with any of our keys, told apart for real rather than guessed
 * from the (unsigned) KID header: opening the signature with a key's public half gives back the
 * digest that key signed. If one of our keys opens it, that key signed other bytes: the body was
 * changed after signing. If none does, another key made it, whatever its KID header claims.
 */
export function failureOf(check: FailedCheck): { failure: SignatureFailure; reason: string } {
  const headerName = check.algorithm === 'sha256' ? 'X-Postal-Signature-256' : 'X-Postal-Signature';
  const { bytes, kid } = check;
  if (bytes === undefined) return { failure: 'malformed', reason: `The ${headerName} header is not valid base64, so it cannot be a signature. Was it changed or cut on the way?` };
  const keys = [...check.postal, ...(check.development === undefined ? [] : [check.development])];
  const signer = keys.find((entry) => entry.signatureBytes === bytes.length && signedDigest(entry, bytes, check.algorithm));
  if (signer !== undefined) {
    const whose = signer === check.development ? 'your development key' : `our key ${short(signer.kid)}`;
    return { failure: 'body-changed', reason: `The body was changed after signing: ${whose} made this signature, but over other bytes. Are you passing the raw body, not re-serialized JSON?` };
  }
  const ours = check.postal.length === 1 ? `our key ${short(check.postal[0].kid)}` : `none of our ${check.postal.length} keys`;
  if (keys.every((entry) => entry.signatureBytes !== bytes.length)) {
    return { failure: 'other-key', reason: `The ${headerName} header holds ${bytes.length} bytes, but a signature from our key is ${keys[0].signatureBytes} bytes: it was cut short, or made with a different key (${ours} did not make it).` };
  }
  return { failure: 'other-key', reason: `${signedWith(kid)}; ${ours} did not make it. ${KEY_HINT}` };
}

/** Which key made it, as far as the KID header tells (it is not signed, so it may lie). */
function signedWith(kid: KidCheck): string {
  if (kid.header === undefined) return 'Signed with another key (the request names none: no X-Postal-Signature-KID header)';
  if (kid.matches === true) return `Signed with another key, though its X-Postal-Signature-KID header names ours (${short(kid.header)})`;
  return `Signed with another key: the X-Postal-Signature-KID header names ${short(kid.header)}`;
}

/** Whether `entry`'s private half made `signature`, over any bytes: its digest comes back out. */
function signedDigest(entry: PublicKeyEntry, signature: Buffer, algorithm: SignatureAlgorithm): boolean {
  let digestInfo: Buffer;
  try {
    digestInfo = publicDecrypt({ key: entry.key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false; // not this key's padding: another key made it
  }
  const { prefix, hashBytes } = DIGEST_INFO[algorithm];
  const prefixBytes = prefix.length / 2;
  return digestInfo.length === prefixBytes + hashBytes && digestInfo.subarray(0, prefixBytes).toString('hex') === prefix;
}

function short(id: string | undefined): string {
  return id === undefined ? '(none)' : `${id.slice(0, 12)}…`;
}
