import * as assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { generateSigningKey, keyId, sign, toDnsRecord, toJwks, toPrivatePem } from '../../../src/core/signature';
import { appendixA } from '../helpers/fixtures';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const STRICT_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

describe('sign', () => {
  it('produces exactly the three headers Postal 3.2+ sends, in standard base64 without newlines', () => {
    const headers = sign('{"event":"MessageSent"}', privateKey);
    assert.deepEqual(Object.keys(headers).sort(), ['X-Postal-Signature', 'X-Postal-Signature-256', 'X-Postal-Signature-KID']);
    assert.equal(headers['X-Postal-Signature-KID'], keyId(publicKey));
    assert.match(headers['X-Postal-Signature'], STRICT_BASE64);
    assert.match(headers['X-Postal-Signature-256'] ?? '', STRICT_BASE64);
    const body = Buffer.from('{"event":"MessageSent"}');
    assert.ok(verify('sha256', body, publicKey, Buffer.from(headers['X-Postal-Signature-256'] ?? '', 'base64')));
    assert.ok(verify('sha1', body, publicKey, Buffer.from(headers['X-Postal-Signature'], 'base64')));
  });

  it('accepts the private key as PEM text', () => {
    const headers = sign(Buffer.from('x'), toPrivatePem(privateKey));
    assert.equal(headers['X-Postal-Signature-KID'], keyId(publicKey));
  });

  it('computes the reference vector\'s KID from its public key (SHA-256 of the PKCS#1 DER)', () => {
    const vector = appendixA();
    const vectorKey = createPublicKey({ key: Buffer.from(/p=([^;]+)/.exec(vector.dns)?.[1] ?? '', 'base64'), format: 'der', type: 'spki' });
    assert.equal(keyId(vectorKey), vector.headers['X-Postal-Signature-KID']);
  });
});

describe('generateSigningKey and key exports', () => {
  it('makes an RSA-2048 pair whose kid matches the exports Postal publishes', async () => {
    const pair = await generateSigningKey();
    assert.equal(pair.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(pair.kid, keyId(pair.publicKey));
    const jwks = toJwks(pair.privateKey);
    assert.deepEqual(Object.keys(jwks.keys[0]), ['kty', 'n', 'e', 'use', 'alg', 'kid']);
    assert.deepEqual({ ...jwks.keys[0], n: undefined }, { kty: 'RSA', n: undefined, e: 'AQAB', use: 'sig', alg: 'RS256', kid: pair.kid });
    assert.match(toDnsRecord(pair.publicKey), /^v=DKIM1; t=s; h=sha256; p=[A-Za-z0-9+/]+=*;$/);
  });
});
