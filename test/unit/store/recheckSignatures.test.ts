import * as assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePublicKey, type PublicKeySet, sign, toDnsRecord, type VerificationKeys, verifySignature } from '../../../src/core/signature';
import { headerMap, openFileStore, type WebhookRecord, type WebhookStore } from '../../../src/core/store';
import { needsRecheck, recheckSignatures } from '../../../src/core/store/recheckSignatures';
import { makeRecord } from '../helpers/records';

const postalKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const devKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });

function keySet(key: KeyObject): PublicKeySet {
  const parsed = parsePublicKey(toDnsRecord(key));
  if (!parsed.ok) throw parsed.error;
  return parsed.keySet;
}
const postal = keySet(postalKeys.publicKey);
const development = keySet(devKeys.publicKey).keys[0];

/** A record as the listener stores it: signed with `signer` (or not), checked with `keys`. */
function received(signer: KeyObject | undefined, keys: VerificationKeys): WebhookRecord {
  const record = makeRecord();
  const raw: [string, string][] = [['Content-Type', 'application/json'], ...Object.entries(signer === undefined ? {} : sign(record.body.data, signer))];
  record.headers = { raw, map: headerMap(raw) };
  record.signature = verifySignature(Buffer.from(record.body.data), record.headers.map, keys);
  return record;
}

describe('checking stored signatures again when the keys change', () => {
  let dir: string;
  let store: WebhookStore;
  const path = (): string => join(dir, 'history.jsonl');
  const open = async (): Promise<WebhookStore> => {
    const opened = await openFileStore(path());
    if (!opened.ok) assert.fail(opened.message);
    return opened.store;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'postal-recheck-'));
    store = await open();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks requests received before the key was set, and keeps the verdicts across a restart', async () => {
    const byPostal = received(postalKeys.privateKey, {});
    const byOther = received(otherKeys.privateKey, {});
    const byUs = received(devKeys.privateKey, {});
    const unsigned = received(undefined, {});
    for (const record of [byPostal, byOther, byUs, unsigned]) await store.add(record);
    assert.deepEqual([byPostal, byOther, byUs].map((record) => record.signature.status), ['no-key', 'no-key', 'no-key']);

    const keys = { postal, development };
    const result = await recheckSignatures(store, keys);
    assert.deepEqual(result, { done: 3, total: 3, changed: 3, cancelled: false });
    const statuses = (): string[] => [byPostal, byOther, byUs, unsigned].map((record) => store.get(record.id)?.signature.status ?? 'gone');
    assert.deepEqual(statuses(), ['valid', 'invalid', 'dev-key', 'missing']);
    assert.equal(store.read(byOther.id)?.signature.failure, 'other-key');

    await store.close();
    store = await open();
    assert.deepEqual(statuses(), ['valid', 'invalid', 'dev-key', 'missing']);
    assert.equal(store.list().filter((entry) => needsRecheck(entry, keys)).length, 0, 'nothing is left to check with the same keys');
    assert.deepEqual(await recheckSignatures(store, keys), { done: 0, total: 0, changed: 0, cancelled: false });
  });

  it('checks again with a new key, and reports "not checked" again once the key is removed', async () => {
    const record = received(postalKeys.privateKey, { postal: keySet(otherKeys.publicKey) });
    await store.add(record);
    assert.equal(record.signature.status, 'invalid');
    assert.equal(needsRecheck(store.list()[0], { postal: keySet(otherKeys.publicKey) }), false);
    await recheckSignatures(store, { postal });
    assert.equal(store.get(record.id)?.signature.status, 'valid');
    await recheckSignatures(store, {});
    assert.equal(store.get(record.id)?.signature.status, 'no-key');
  });

  it('remembers which development key a request was compared with, so it is not checked at every start', async () => {
    const record = received(otherKeys.privateKey, {});
    await store.add(record);
    assert.equal((await recheckSignatures(store, { development })).changed, 1);
    assert.equal(store.get(record.id)?.signature.status, 'no-key');
    assert.equal(store.get(record.id)?.signature.kid?.key, development.kid);
    assert.equal((await recheckSignatures(store, { development })).total, 0);
  });

  it('stops between two records when cancelled, keeping what was done', async () => {
    for (let index = 0; index < 30; index++) await store.add(received(postalKeys.privateKey, {}));
    const controller = new AbortController();
    const result = await recheckSignatures(store, { postal }, { signal: controller.signal, onProgress: ({ done }) => done === 5 && controller.abort() });
    assert.deepEqual(result, { done: 5, total: 30, changed: 5, cancelled: true });
    assert.equal(store.list().filter((entry) => entry.signature.status === 'valid').length, 5);
  });
});
