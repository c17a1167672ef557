import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { keyId, parsePublicKey, type PublicKeySet, sign, toDnsRecord, toJwks, verifySignature } from '../../../src/core/signature';

const postalKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const body = Buffer.from('{"event":"MessageSent","timestamp":1714567891.533172,"payload":{"status":"Sent"},"uuid":"0b4c6a8e-1f2d-4e3a-9b5c-7d8e9f0a1b2c"}');

function keysFor(text: string): PublicKeySet {
  const parsed = parsePublicKey(text);
  if (!parsed.ok) throw parsed.error;
  return parsed.keySet;
}

const postalKeySet = keysFor(toDnsRecord(postalKeys.publicKey));
const devKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const devKey = keysFor(toDnsRecord(devKeys.publicKey)).keys[0];

/** Headers the way Node hands them to a request handler: lower-case names. */
function lowerCased(headers: object): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

describe('verifySignature', () => {
  it('accepts a request signed like Postal 3.2+ (KID, SHA-1 and SHA-256 headers)', () => {
    const result = verifySignature(body, lowerCased(sign(body, postalKeys.privateKey)), postalKeySet);
    const kid = keyId(postalKeys.publicKey);
    assert.deepEqual(result, { status: 'valid', algorithm: 'sha256', kid: { header: kid, key: kid, matches: true } });
  });

  it('falls back to the legacy SHA-1 header when it is the only one (Postal before 3.2)', () => {
    const headers = sign(body, postalKeys.privateKey, { legacy: true });
    assert.deepEqual(Object.keys(headers), ['X-Postal-Signature']);
    const result = verifySignature(body, lowerCased(headers), postalKeySet);
    assert.equal(result.status, 'valid');
    assert.equal(result.algorithm, 'sha1');
    assert.equal(result.kid?.header, undefined);
  });

  it('finds the headers whatever their case (Net::HTTP sends X-Postal-Signature-Kid)', () => {
    const signed = sign(body, postalKeys.privateKey);
    const headers = { 'X-Postal-Signature-Kid': signed['X-Postal-Signature-KID'], 'X-POSTAL-SIGNATURE-256': signed['X-Postal-Signature-256'] };
    assert.equal(verifySignature(body, headers, postalKeySet).status, 'valid');
  });

  it('says missing when no signature header is present', () => {
    const result = verifySignature(body, { 'content-type': 'application/json' }, postalKeySet);
    assert.equal(result.status, 'missing');
    assert.match(result.reason ?? '', /No X-Postal-Signature-256 or X-Postal-Signature header/);
  });

  it('says no-key when signed but no key is configured, naming the algorithm it would check', () => {
    const result = verifySignature(body, lowerCased(sign(body, postalKeys.privateKey)), undefined);
    assert.equal(result.status, 'no-key');
    assert.equal(result.algorithm, 'sha256');
  });

  it('blames the body when our key made the signature over other bytes', () => {
    const headers = lowerCased(sign(body, postalKeys.privateKey));
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
    const result = verifySignature(reserialized, headers, postalKeySet);
    assert.equal(result.status, 'invalid');
    assert.equal(result.failure, 'body-changed');
    assert.equal(result.kid?.matches, true);
    assert.match(result.reason ?? '', /body was changed after signing: our key [0-9a-f]{12}… made this signature.*raw body/);
  });

  it('blames the key, not the body, when another key signed and its KID header names ours', () => {
    const headers = lowerCased(sign(body, otherKeys.privateKey, { kid: keyId(postalKeys.publicKey) }));
    const result = verifySignature(body, headers, postalKeySet);
    assert.equal(result.status, 'invalid');
    assert.equal(result.failure, 'other-key');
    assert.equal(result.kid?.matches, true);
    assert.doesNotMatch(result.reason ?? '', /body was changed/);
    assert.match(result.reason ?? '', /Signed with another key, though its X-Postal-Signature-KID header names ours \([0-9a-f]{12}…\); our key [0-9a-f]{12}… did not make it/);
  });

  it('names the signing key by its KID when another key signed', () => {
    const result = verifySignature(body, lowerCased(sign(body, otherKeys.privateKey)), postalKeySet);
    assert.equal(result.status, 'invalid');
    assert.equal(result.failure, 'other-key');
    assert.equal(result.kid?.matches, false);
    assert.equal(result.kid?.header, keyId(otherKeys.publicKey));
    assert.match(result.reason ?? '', new RegExp(`header names ${keyId(otherKeys.publicKey).slice(0, 12)}…; our key ${keyId(postalKeys.publicKey).slice(0, 12)}… did not make it`));
  });

  it('tells another key from a changed body without a KID header too (Postal before 3.2)', () => {
    const byOther = verifySignature(body, lowerCased(sign(body, otherKeys.privateKey, { legacy: true })), postalKeySet);
    assert.equal(byOther.algorithm, 'sha1');
    assert.equal(byOther.failure, 'other-key');
    assert.match(byOther.reason ?? '', /Signed with another key \(the request names none: no X-Postal-Signature-KID header\)/);
    const changed = verifySignature(Buffer.concat([body, Buffer.from(' ')]), lowerCased(sign(body, postalKeys.privateKey, { legacy: true })), postalKeySet);
    assert.equal(changed.failure, 'body-changed');
  });

  it('gives the development key its own status, with or without Postal\'s key', () => {
    const headers = lowerCased(sign(body, devKeys.privateKey));
    const withPostalKey = verifySignature(body, headers, { postal: postalKeySet, development: devKey });
    assert.deepEqual({ status: withPostalKey.status, key: withPostalKey.kid?.key }, { status: 'dev-key', key: devKey.kid });
    assert.match(withPostalKey.reason ?? '', /Signed with your development key/);
    assert.equal(verifySignature(body, headers, { development: devKey }).status, 'dev-key');
    assert.equal(verifySignature(body, lowerCased(sign(body, postalKeys.privateKey)), { postal: postalKeySet, development: devKey }).status, 'valid');
  });

  it('checks nothing without Postal\'s key, but remembers the development key it was compared with', () => {
    const result = verifySignature(body, lowerCased(sign(body, otherKeys.privateKey)), { development: devKey });
    assert.equal(result.status, 'no-key');
    assert.equal(result.kid?.key, devKey.kid);
  });

  it('says the body changed when the development key signed other bytes', () => {
    const headers = lowerCased(sign(body, devKeys.privateKey));
    const result = verifySignature(Buffer.from(`${body.toString()}\n`), headers, { development: devKey });
    assert.equal(result.status, 'invalid');
    assert.equal(result.failure, 'body-changed');
    assert.match(result.reason ?? '', /your development key made this signature, but over other bytes/);
  });

  it('treats a development key that is also the configured key as Postal\'s', () => {
    const devAsPostal = keysFor(toDnsRecord(devKeys.publicKey));
    assert.equal(verifySignature(body, lowerCased(sign(body, devKeys.privateKey)), { postal: devAsPostal, development: devKey }).status, 'valid');
  });

  it('still verifies with our key when the unsigned KID header was changed, and notes it', () => {
    const headers = lowerCased(sign(body, postalKeys.privateKey, { kid: 'a'.repeat(64) }));
    const result = verifySignature(body, headers, postalKeySet);
    assert.equal(result.status, 'valid');
    assert.equal(result.kid?.matches, false);
    assert.match(result.reason ?? '', /KID header names another key/);
  });

  it('rejects a signature that is not base64', () => {
    const headers = lowerCased(sign(body, postalKeys.privateKey));
    headers['x-postal-signature-256'] = headers['x-postal-signature-256'].replace(/.$/, '*');
    const result = verifySignature(body, headers, postalKeySet);
    assert.equal(result.status, 'invalid');
    assert.equal(result.failure, 'malformed');
    assert.match(result.reason ?? '', /X-Postal-Signature-256 header is not valid base64/);
  });

  it('explains a signature that was cut short', () => {
    const headers = lowerCased(sign(body, postalKeys.privateKey));
    headers['x-postal-signature-256'] = headers['x-postal-signature-256'].slice(0, 172);
    const result = verifySignature(body, headers, postalKeySet);
    assert.equal(result.status, 'invalid');
    assert.match(result.reason ?? '', /holds 129 bytes, but a signature from our key is 256 bytes/);
  });

  it('selects the key named by the KID from a JWKS holding several keys', () => {
    const twoKeys = JSON.stringify({ keys: [...toJwks(otherKeys.publicKey).keys, ...toJwks(postalKeys.publicKey).keys] });
    const keys = keysFor(twoKeys);
    assert.equal(keys.keys.length, 2);
    const result = verifySignature(body, lowerCased(sign(body, postalKeys.privateKey)), keys);
    assert.equal(result.status, 'valid');
    assert.equal(result.kid?.key, keyId(postalKeys.publicKey));
  });

  it('tries every key of a JWKS when the legacy request carries no KID', () => {
    const keys = keysFor(JSON.stringify({ keys: [...toJwks(otherKeys.publicKey).keys, ...toJwks(postalKeys.publicKey).keys] }));
    const result = verifySignature(body, lowerCased(sign(body, postalKeys.privateKey, { legacy: true })), keys);
    assert.equal(result.status, 'valid');
    assert.equal(result.kid?.key, keyId(postalKeys.publicKey));
  });
});
