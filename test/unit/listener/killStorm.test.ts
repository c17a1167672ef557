import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileStore } from '../../../src/core/store';
import { sign, toDnsRecord } from '../../../src/core/signature';
import { postalBody } from '../helpers/bodies';
import { startCli } from '../helpers/cliProcess';
import { postLikePostal } from '../helpers/listenerHarness';

const KILLS = 22;
const CONNECTIONS = 8;

interface Signed {
  uuid: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * Sends signed requests on `CONNECTIONS` connections until `stop()`; resolves with the uuids
 * answered 2xx. Requests cut off by the kill fail, and are not counted as acknowledged.
 */
function storm(url: string, next: () => Signed): { acknowledged: string[]; stop(): Promise<void> } {
  const acknowledged: string[] = [];
  let running = true;
  const worker = async (): Promise<void> => {
    while (running) {
      const request = next();
      try {
        const response = await postLikePostal(url, request.body, request.headers);
        await response.arrayBuffer();
        if (response.status >= 200 && response.status < 300) acknowledged.push(request.uuid);
      } catch {
        // Killed while this request was in flight: not acknowledged.
      }
    }
  };
  const workers = Array.from({ length: CONNECTIONS }, () => worker());
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

describe('listener: kill -9 during a signed write storm', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'postal-kill-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`has every request it answered 2xx in the history after ${KILLS} kills`, async function () {
    this.timeout(180_000);
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = join(dir, 'postal.dns.txt');
    writeFileSync(keyFile, toDnsRecord(publicKey));
    const history = join(dir, 'history.jsonl');
    let counter = 0;
    const next = (): Signed => {
      counter += 1;
      const uuid = `dead${String(counter).padStart(4, '0')}-0000-4000-8000-${String(counter).padStart(12, '0')}`;
      const body = postalBody(uuid);
      return { uuid, body, headers: { ...sign(body, privateKey) } };
    };
    const acknowledged: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const cli = await startCli(['--history', history, '--public-key', keyFile, '--json']);
      const run = storm(cli.url, next);
      // Kill at a different point of the storm each time, while requests are in flight.
      const threshold = 3 + ((kill * 7) % 30);
      while (run.acknowledged.length < threshold) await new Promise((resolve) => setTimeout(resolve, 2));
      cli.child.kill('SIGKILL');
      await cli.closed;
      await run.stop();
      acknowledged.push(...run.acknowledged);
    }
    const opened = await openFileStore(history, { maxRecords: 100_000 });
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    const stored = new Set(opened.store.list().map((entry) => entry.uuid));
    const lost = acknowledged.filter((uuid) => !stored.has(uuid));
    for (const entry of opened.store.list()) assert.equal(opened.store.read(entry.id)?.signature.status, 'valid');
    await opened.store.close();
    assert.ok(acknowledged.length >= KILLS * 3);
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged requests lost`);
    const lines = readFileSync(history, 'utf8').split('\n').filter((line) => line !== '');
    for (const line of lines) JSON.parse(line);
    console.log(`      ${KILLS} kills: ${acknowledged.length} requests answered 2xx, all ${stored.size >= acknowledged.length ? 'found' : 'checked'} in the history (${stored.size} stored)`);
  });
});
