import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { UnverifiedBudget } from '../../../src/core/listener/unverifiedBudget';
import { parsePublicKey, sign, toDnsRecord } from '../../../src/core/signature';
import { postalBody } from '../helpers/bodies';
import { type Harness, postLikePostal, startListener } from '../helpers/listenerHarness';

const ours = generateKeyPairSync('rsa', { modulusLength: 2048 });
const theirs = generateKeyPairSync('rsa', { modulusLength: 2048 });
const parsed = parsePublicKey(toDnsRecord(ours.publicKey));
if (!parsed.ok) throw new Error(parsed.error.message);
const publicKey = parsed.keySet;

describe('listener: the budget for unverified requests while a key is set', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('keeps unsigned and badly signed requests within the budget, then answers 429 and only counts them', async () => {
    harness = await startListener({ publicKey, unverifiedLimits: { requests: 3, bytes: 1024 * 1024 } });
    const unsigned = await Promise.all([1, 2].map(() => postLikePostal(harness!.url, postalBody())));
    const forged = postalBody();
    const badlySigned = await postLikePostal(harness.url, forged, { ...sign(forged, theirs.privateKey) });
    assert.deepEqual([...unsigned, badlySigned].map((response) => response.status), [200, 200, 200]);
    const over = [await postLikePostal(harness.url, postalBody()), await postLikePostal(harness.url, forged, { ...sign(forged, theirs.privateKey) })];
    assert.deepEqual(over.map((response) => response.status), [429, 429]);
    assert.equal(over[0].headers.get('retry-after'), '60');
    assert.match(await over[0].text(), /Too many unsigned or badly signed requests this minute/);
    assert.equal(harness.store.size, 3);
    assert.deepEqual(harness.listener.refusals.byReason, { flood: 2 });
    // Postal's own requests are signed: the budget never stops them.
    for (let index = 0; index < 5; index += 1) {
      const body = postalBody();
      assert.equal((await postLikePostal(harness.url, body, { ...sign(body, ours.privateKey) })).status, 200);
    }
    assert.equal(harness.store.size, 8);
  });

  it('refuses an unsigned request over the budget before reading its body', async () => {
    harness = await startListener({ publicKey, unverifiedLimits: { requests: 0, bytes: 0 } });
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: harness!.port, method: 'POST', headers: { 'Content-Length': String(10 * 1024 * 1024), 'User-Agent': 'flood' } }, (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
        req.destroy();
      });
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
      req.write('{"event":');
    });
    assert.equal(status, 429);
    assert.equal(harness.store.size, 0);
  });

  it('counts bytes too, and does nothing without a key', async () => {
    harness = await startListener({ publicKey, unverifiedLimits: { requests: 100, bytes: 3000 } });
    const body = postalBody();
    const statuses: number[] = [];
    for (let sent = 0; sent < 4000; sent += body.length) statuses.push((await postLikePostal(harness.url, body)).status);
    assert.equal(statuses.at(-1), 429);
    assert.ok(statuses.filter((status) => status === 200).length * body.length <= 3000);
    await harness.close();
    harness = await startListener({ unverifiedLimits: { requests: 0, bytes: 0 } });
    assert.equal((await postLikePostal(harness.url, postalBody())).status, 200, 'no key: nothing can be verified, nothing is a flood');
  });

  it('starts a new budget every minute', () => {
    let now = 0;
    const budget = new UnverifiedBudget({ requests: 2, bytes: 100 }, () => now);
    assert.deepEqual([budget.take(10), budget.take(10), budget.take(10), budget.exhausted()], [true, true, false, true]);
    now = 59_999;
    assert.equal(budget.take(1), false);
    now = 60_000;
    assert.deepEqual([budget.exhausted(), budget.take(100), budget.take(1)], [false, true, false]);
  });
});
