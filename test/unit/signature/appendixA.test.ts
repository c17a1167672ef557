import * as assert from 'node:assert/strict';
import { parsePublicKey, type PublicKeySet, verifySignature } from '../../../src/core/signature';
import { appendixA } from '../helpers/fixtures';

const KID = 'fb224b0716ba6244c8cd26d10a9370a6f904a2cf8c67420d7809257830059641';

function keySet(text: string): PublicKeySet {
  const parsed = parsePublicKey(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  return parsed.keySet;
}

describe('signature: the reference test vector (Appendix A)', () => {
  const vector = appendixA();
  const forms = [
    ['the DNS TXT record', vector.dns, 'dns'],
    ['the JWKS document', vector.jwks, 'jwks'],
    ['a SPKI PEM', vector.spkiPem, 'pem-spki'],
    ['a PKCS#1 PEM', vector.pkcs1Pem, 'pem-pkcs1'],
  ] as const;

  for (const [name, text, format] of forms) {
    it(`verifies the SHA-256 signature as valid with the key given as ${name}`, () => {
      const keys = keySet(text);
      assert.equal(keys.format, format);
      assert.equal(keys.keys[0].kid, KID);
      const result = verifySignature(vector.body, vector.headers, keys);
      assert.deepEqual(result, { status: 'valid', algorithm: 'sha256', kid: { header: KID, key: KID, matches: true } });
    });
  }

  it('verifies the legacy SHA-1 signature alone when the SHA-256 header is absent', () => {
    const headers = { 'X-Postal-Signature': vector.headers['X-Postal-Signature'] };
    const result = verifySignature(vector.body, headers, keySet(vector.dns));
    assert.equal(result.status, 'valid');
    assert.equal(result.algorithm, 'sha1');
  });

  it('reports the body as changed when one byte of the vector differs', () => {
    const body = Buffer.from(vector.body);
    body[body.length - 3] ^= 1;
    const result = verifySignature(body, vector.headers, keySet(vector.jwks));
    assert.equal(result.status, 'invalid');
    assert.match(result.reason ?? '', /body was changed/);
  });
});
