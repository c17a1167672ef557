import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { keyId, parsePublicKey, type PublicKeySet, sign, toJwks } from '../../../src/core/signature';
import { postalBody } from '../helpers/bodies';
import { type WebhookRecord } from '../../../src/core/store';
import { type Harness, postLikePostal, startListener } from '../helpers/listenerHarness';

const postal = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

function jwks(): PublicKeySet {
  const parsed = parsePublicKey(JSON.stringify(toJwks(postal.publicKey)));
  if (!parsed.ok) throw parsed.error;
  return parsed.keySet;
}

describe('listener: signature checks on real requests', () => {
  let harness: Harness;
  before(async () => {
    harness = await startListener({ publicKey: jwks() });
  });
  after(() => harness.close());

  async function send(body: string, headers: Record<string, string>): Promise<{ status: number; text: string; record: WebhookRecord }> {
    const response = await postLikePostal(harness.url, body, headers);
    const text = await response.text();
    return { status: response.status, text, record: harness.latest() };
  }

  it('records a request signed like Postal 3.2+ as valid and keeps the exact bytes and headers', async () => {
    const body = postalBody('c1d3a0e2-0000-4000-8000-000000000001');
    const { status, text, record } = await send(body, { ...sign(body, postal.privateKey) });
    assert.equal(status, 200);
    assert.deepEqual(JSON.parse(text), { received: true, id: record.id, signature: 'valid', schema: 'valid' });
    assert.equal(record.signature.status, 'valid');
    assert.equal(record.signature.algorithm, 'sha256');
    assert.deepEqual(record.signature.kid, { header: keyId(postal.publicKey), key: keyId(postal.publicKey), matches: true });
    assert.equal(record.body.encoding, 'utf8');
    assert.equal(record.body.data, body);
    assert.equal(record.kind, 'postal');
    assert.equal(record.event, 'MessageSent');
    assert.equal(record.uuid, 'c1d3a0e2-0000-4000-8000-000000000001');
    assert.ok(record.headers.raw.some(([name]) => name === 'X-Postal-Signature-256'), 'raw header case kept');
    assert.equal(record.headers.map['user-agent'], 'Postal/3.3.6');
  });

  it('checks the legacy SHA-1 header when it is the only one', async () => {
    const body = postalBody();
    const { record } = await send(body, { ...sign(body, postal.privateKey, { legacy: true }) });
    assert.equal(record.signature.status, 'valid');
    assert.equal(record.signature.algorithm, 'sha1');
  });

  it('marks an unsigned request as missing but still answers 200 by default', async () => {
    const { status, record } = await send(postalBody(), {});
    assert.equal(status, 200);
    assert.equal(record.signature.status, 'missing');
  });

  it('says the body changed when a proxy re-serialized the JSON', async () => {
    const body = postalBody();
    const { record } = await send(JSON.stringify(JSON.parse(body), null, 1), { ...sign(body, postal.privateKey) });
    assert.equal(record.signature.status, 'invalid');
    assert.match(record.signature.reason ?? '', /body was changed/);
  });

  it('says signed with a different key when another key signed it', async () => {
    const body = postalBody();
    const { record } = await send(body, { ...sign(body, stranger.privateKey) });
    assert.equal(record.signature.status, 'invalid');
    assert.equal(record.signature.kid?.matches, false);
    assert.match(record.signature.reason ?? '', /Signed with another key/);
  });

  it('blames the key, not the body, when another key signed and its KID header names ours', async () => {
    const body = postalBody();
    const { record } = await send(body, { ...sign(body, stranger.privateKey, { kid: keyId(postal.publicKey) }) });
    assert.equal(record.signature.status, 'invalid');
    assert.equal(record.signature.failure, 'other-key');
    assert.doesNotMatch(record.signature.reason ?? '', /body was changed/);
    assert.match(record.signature.reason ?? '', /though its X-Postal-Signature-KID header names ours/);
  });

  it('reports a KID that names another key, and a signature that is not base64', async () => {
    const body = postalBody();
    const mismatched = await send(body, { ...sign(body, postal.privateKey, { kid: keyId(stranger.publicKey) }) });
    assert.equal(mismatched.record.signature.status, 'valid');
    assert.equal(mismatched.record.signature.kid?.matches, false);
    const garbled = await send(body, { ...sign(body, postal.privateKey), 'X-Postal-Signature-256': 'not base64!' });
    assert.equal(garbled.record.signature.status, 'invalid');
    assert.match(garbled.record.signature.reason ?? '', /not valid base64/);
  });
});

describe('listener: rejecting unsigned requests (opt-in)', () => {
  let harness: Harness;
  before(async () => {
    harness = await startListener({ publicKey: jwks(), rejectUnsigned: true });
  });
  after(() => harness.close());

  it('answers 401 to missing and invalid signatures, records them as rejected, and 200 to valid ones', async () => {
    const body = postalBody();
    const unsigned = await postLikePostal(harness.url, body);
    assert.equal(unsigned.status, 401);
    assert.match(((await unsigned.json()) as { error: string }).error, /Signature missing/);
    const forged = await postLikePostal(harness.url, body, { ...sign(body, stranger.privateKey) });
    assert.equal(forged.status, 401);
    const genuine = await postLikePostal(harness.url, body, { ...sign(body, postal.privateKey) });
    assert.equal(genuine.status, 200);
    const [valid, invalid, missing] = harness.store.list();
    assert.deepEqual([missing.kind, missing.response.reason], ['rejected', 'signature']);
    assert.deepEqual([invalid.kind, invalid.signature.status], ['rejected', 'invalid']);
    assert.deepEqual([valid.kind, valid.signature.status], ['postal', 'valid']);
  });
});
