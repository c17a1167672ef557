import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFixture } from '../helpers/fixtures';
import { keyId, type KeyParseErrorCode, parsePublicKey, toDnsRecord, toJwks, toPrivatePem, toPublicPem } from '../../../src/core/signature';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = keyId(publicKey);
const spkiBase64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

function parsedKid(text: string): { format: string; kid: string } {
  const result = parsePublicKey(text);
  if (!result.ok) assert.fail(result.error.message);
  return { format: result.keySet.format, kid: result.keySet.keys[0].kid };
}

function errorCode(text: string): { code: KeyParseErrorCode; message: string } {
  const result = parsePublicKey(text);
  if (result.ok) assert.fail(`expected ${JSON.stringify(text.slice(0, 40))} to be rejected`);
  return { code: result.error.code, message: result.error.message };
}

describe('parsePublicKey', () => {
  it('reads the DNS TXT value Postal prints, with its tags and trailing semicolon', () => {
    assert.deepEqual(parsedKid(toDnsRecord(publicKey)), { format: 'dns', kid });
  });

  it('reads a p= value without the other tags and without a trailing semicolon', () => {
    assert.deepEqual(parsedKid(`p=${spkiBase64}`), { format: 'dns', kid });
  });

  it('reads a TXT record as dig prints it: quoted and split into several strings', () => {
    const record = toDnsRecord(publicKey);
    const quoted = `"${record.slice(0, 200)}" "${record.slice(200)}"`;
    assert.deepEqual(parsedKid(quoted), { format: 'dns', kid });
  });

  it('reads a bare base64 SPKI, even wrapped over several lines', () => {
    assert.deepEqual(parsedKid(spkiBase64.replace(/(.{64})/g, '$1\n')), { format: 'spki-base64', kid });
  });

  it('reads a JWKS document and a single JWK, keeping the declared kid', () => {
    const jwks = toJwks(publicKey);
    assert.deepEqual(parsedKid(JSON.stringify(jwks)), { format: 'jwks', kid });
    const single = parsePublicKey(JSON.stringify(jwks.keys[0]));
    assert.ok(single.ok);
    assert.equal(single.keySet.format, 'jwk');
    assert.equal(single.keySet.keys[0].declaredKid, kid);
  });

  it('reads SPKI and PKCS#1 PEM public keys', () => {
    assert.deepEqual(parsedKid(toPublicPem(publicKey)), { format: 'pem-spki', kid });
    assert.deepEqual(parsedKid(publicKey.export({ type: 'pkcs1', format: 'pem' }).toString()), { format: 'pem-pkcs1', kid });
  });

  it('reads the public key of a PEM certificate', () => {
    const certificate = readFixture('signature', 'self-signed.cert.pem').toString('utf8');
    const samePublicKey = readFixture('signature', 'self-signed.public.pem').toString('utf8');
    const fromCertificate = parsedKid(certificate);
    assert.equal(fromCertificate.format, 'certificate');
    assert.equal(fromCertificate.kid, parsedKid(samePublicKey).kid);
  });

  it('refuses a private key and says how to get the public one', () => {
    const { code, message } = errorCode(toPrivatePem(privateKey));
    assert.equal(code, 'private-key');
    assert.match(message, /openssl rsa -in signing.key -pubout/);
    assert.equal(errorCode(JSON.stringify(privateKey.export({ format: 'jwk' }))).code, 'private-key');
  });

  it('refuses a non-RSA key with a clear reason', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const { code, message } = errorCode(ec.export({ type: 'spki', format: 'pem' }).toString());
    assert.equal(code, 'not-rsa');
    assert.match(message, /ec key, but Postal signs webhooks with RSA/);
  });

  it('explains empty, revoked, truncated and unrecognised key texts', () => {
    assert.equal(errorCode('   ').code, 'empty');
    assert.equal(errorCode('v=DKIM1; t=s; p=;').code, 'revoked');
    assert.equal(errorCode(`p=${spkiBase64.slice(0, 100)}`).code, 'invalid-base64');
    assert.equal(errorCode('p=not*base64').code, 'invalid-base64');
    assert.equal(errorCode('{"keys": [').code, 'invalid-json');
    assert.equal(errorCode('{"keys": []}').code, 'no-keys');
    assert.equal(errorCode('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----').code, 'invalid-pem');
    const { code, message } = errorCode('hello there!');
    assert.equal(code, 'unrecognized');
    assert.match(message, /postal default-dkim-record/);
  });
});
