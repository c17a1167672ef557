import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPostalRequest, headerValue, netHttpHeaderName, signsLegacyOnly } from '../../../src/core/replay/postalRequest';
import { generateSigningKey, type SigningKeyPair, toPublicPem } from '../../../src/core/signature';
import { appendixA } from '../helpers/fixtures';

function requireOpenssl(): void {
  const which = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  assert.equal(which.status, 0, 'the openssl command is needed to check signatures with a second implementation; install it (Debian: apt-get install openssl)');
}

/** Verifies a base64 signature over `body` with the openssl CLI, not with Node's crypto. */
function opensslVerifies(digest: 'sha256' | 'sha1', body: Buffer, signatureBase64: string, publicPem: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'postal-openssl-'));
  writeFileSync(join(dir, 'body.bin'), body);
  writeFileSync(join(dir, 'sig.bin'), Buffer.from(signatureBase64, 'base64'));
  writeFileSync(join(dir, 'pub.pem'), publicPem);
  const result = spawnSync('openssl', ['dgst', `-${digest}`, '-verify', 'pub.pem', '-signature', 'sig.bin', 'body.bin'], { cwd: dir, encoding: 'utf8' });
  return result.status === 0 && /Verified OK/.test(result.stdout);
}

describe('buildPostalRequest', () => {
  let key: SigningKeyPair;
  const { body } = appendixA();
  const url = 'http://127.0.0.1:3000/webhooks/postal';

  before(async () => {
    key = await generateSigningKey();
  });

  it('sends the headers Postal 3.3.6 sends, in Net::HTTP casing', () => {
    const request = buildPostalRequest({ url, body, privateKey: key.privateKey });
    assert.equal(request.method, 'POST');
    assert.deepEqual(request.headers.map(([name]) => name), [
      'Accept-Encoding', 'Accept', 'User-Agent', 'Content-Type', 'X-Postal-Signature-Kid', 'X-Postal-Signature', 'X-Postal-Signature-256',
    ]);
    assert.equal(headerValue(request, 'user-agent'), 'Postal/3.3.6');
    assert.equal(headerValue(request, 'content-type'), 'application/json');
    assert.equal(headerValue(request, 'x-postal-signature-kid'), key.kid);
    assert.equal(request.body, body);
  });

  it('signs like Postal before 3.2.0 for older versions: SHA-1 only, no KID', () => {
    for (const version of ['3.1.1', '3.0.0', '2.3.2', '0.0.0-dev']) {
      const request = buildPostalRequest({ url, body, privateKey: key.privateKey, postalVersion: version });
      assert.deepEqual(request.headers.filter(([name]) => name.startsWith('X-Postal')).map(([name]) => name), ['X-Postal-Signature'], version);
      assert.equal(headerValue(request, 'user-agent'), `Postal/${version}`);
    }
    assert.equal(signsLegacyOnly('3.2.0'), false);
    assert.equal(signsLegacyOnly('10.0.0'), false);
    assert.throws(() => signsLegacyOnly('latest'), /not a Postal version/);
  });

  it('leaves the signature headers out of an unsigned request', () => {
    const request = buildPostalRequest({ url, body });
    assert.equal(request.headers.some(([name]) => name.startsWith('X-Postal')), false);
  });

  it('writes header names as Ruby Net::HTTP does', () => {
    assert.equal(netHttpHeaderName('X-Postal-Signature-KID'), 'X-Postal-Signature-Kid');
    assert.equal(netHttpHeaderName('content-type'), 'Content-Type');
  });

  it('makes signatures that openssl verifies with the exported public key, SHA-256 and SHA-1', function () {
    this.timeout(20_000);
    requireOpenssl();
    const request = buildPostalRequest({ url, body, privateKey: key.privateKey });
    const publicPem = toPublicPem(key.publicKey);
    assert.ok(opensslVerifies('sha256', body, headerValue(request, 'X-Postal-Signature-256') ?? '', publicPem), 'openssl rejected X-Postal-Signature-256');
    assert.ok(opensslVerifies('sha1', body, headerValue(request, 'X-Postal-Signature') ?? '', publicPem), 'openssl rejected X-Postal-Signature');
    const tampered = Buffer.from(body.toString('utf8').replace('alice', 'alicf'));
    assert.equal(opensslVerifies('sha256', tampered, headerValue(request, 'X-Postal-Signature-256') ?? '', publicPem), false);
  });
});
