import { type PublicKeyEntry, type PublicKeySet } from './publicKey';

/**
 * - `valid`: the signature verifies over the raw body with Postal's key (the one configured).
 * - `dev-key`: it verifies with this editor's development key: a test event or replay of ours.
 * - `invalid`: it does not verify (see `failure` and `reason`).
 * - `missing`: the request carries no Postal signature header.
 * - `no-key`: it is signed, but no public key is configured, so it was not checked.
 */
export type SignatureStatus = 'valid' | 'dev-key' | 'invalid' | 'missing' | 'no-key';
export type SignatureAlgorithm = 'sha256' | 'sha1';

/**
 * Why an `invalid` signature failed: the header is no signature at all (`malformed`), a key we
 * check with made it over other bytes (`body-changed`), or none of them made it (`other-key`).
 */
export type SignatureFailure = 'malformed' | 'body-changed' | 'other-key';

/** The `X-Postal-Signature-KID` header against our key's id. It is a key selector and not signed. */
export interface KidCheck {
  header?: string;
  /** The key the verdict was reached with: the signer, or the key it was checked against. */
  key?: string;
  /** Set when both ids are known. */
  matches?: boolean;
}

export interface SignatureResult {
  status: SignatureStatus;
  /** Which header was checked: SHA-256 when present, else the legacy SHA-1 one. */
  algorithm?: SignatureAlgorithm;
  kid?: KidCheck;
  /** For `invalid`: what went wrong. */
  failure?: SignatureFailure;
  /** Why it is not `valid`, in words a user can act on (also a note on an odd `valid`). */
  reason?: string;
}

/** The keys a request is checked with: Postal's (configured) and this editor's development key. */
export interface VerificationKeys {
  postal?: PublicKeySet;
  development?: PublicKeyEntry;
}
