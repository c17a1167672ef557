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

  it('blames the body when the KID matches our key but the bytes were changed', () => {
    const headers = lowerCased(sign(body, postalKeys.privateKey));
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
    const result = verifySignature(reserialized, headers, postalKeySet);
    assert.equal(result.status, 'invalid');
    assert.equal(result.kid?.matches, true);
    assert.match(result.reason ?? '', /body was changed.*raw body/);
  });

  it('blames the key when signed by another key whose KID is not ours', () => {
    const result = verifySignature(body, lowerCased(sign(body, otherKeys.privateKey)), postalKeySet);
    assert.equal(result.status, 'invalid');
    assert.equal(result.kid?.matches, false);
    assert.equal(result.kid?.header, keyId(otherKeys.publicKey));
    assert.match(result.reason ?? '', /Signed with a different key/);
  });

  it('says wrong key or changed body when there is no KID to tell them apart', () => {
    const result = verifySignature(body, lowerCased(sign(body, otherKeys.privateKey, { legacy: true })), postalKeySet);
    assert.equal(result.status, 'invalid');
    assert.equal(result.algorithm, 'sha1');
    assert.match(result.reason ?? '', /Wrong key, or the body was changed \(are you passing the raw body\?\)/);
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
