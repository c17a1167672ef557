/**
 * Postal webhook signatures: parse the public key once (`parsePublicKey`), then check each
 * request's raw body with `verifySignature`. `sign` and `generateSigningKey` do Postal's side,
 * for replaying events and for tests; `toDnsRecord` / `toJwks` / `toPublicPem` publish a key
 * in the forms Postal does.
 */
export { keyId, signatureLength } from './keyId';
export { type KeyFormat, KeyParseError, type KeyParseErrorCode, type KeyParseResult, parsePublicKey, type PublicKeyEntry, type PublicKeySet } from './publicKey';
export { type PostalSignatureHeaders, sign, type SignOptions } from './sign';
export { generateSigningKey, type PostalJwk, type PostalJwks, SIGNING_KEY_BITS, type SigningKeyPair, toDnsRecord, toJwks, toPrivatePem, toPublicPem } from './signingKey';
export { type KidCheck, type SignatureAlgorithm, type SignatureFailure, type SignatureResult, type SignatureStatus, type VerificationKeys } from './signatureResult';
export { DEV_KEY_NOTE, type HeaderBag, SIGNATURE_HEADER, verifySignature } from './verifySignature';
export { fetchPostalJwks, jwksUrlFor, type JwksFetchResult, normalizePastedKey } from './fetchJwks';
