import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createListener } from '../../../src/core/listener';
import { silentLogger } from '../../../src/core/logger';
import { openFileStore, type WebhookStore } from '../../../src/core/store';
import { postalBody } from '../helpers/bodies';
import { startCli } from '../helpers/cliProcess';
import { postLikePostal } from '../helpers/listenerHarness';

async function open(path: string): Promise<WebhookStore> {
  const result = await openFileStore(path);
  if (!result.ok) assert.fail(result.message);
  return result.store;
}

describe('listener: history survives restarts and crashes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'postal-persist-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds every request again after a stop and a new store on the same file, retries included', async () => {
    const path = join(dir, 'history.jsonl');
    const store = await open(path);
    const listener = createListener({ port: 0 }, { store, logger: silentLogger });
    const started = await listener.start();
    assert.ok(started.ok);
    const body = postalBody('5a5a5a5a-0000-4000-8000-000000000001');
    await postLikePostal(started.address.url, body);
    await postLikePostal(started.address.url, '{not json');
    await listener.stop();
    await store.close();

    const reopened = await open(path);
    const again = createListener({ port: 0 }, { store: reopened, logger: silentLogger });
    const restarted = await again.start();
    assert.ok(restarted.ok);
    assert.deepEqual(reopened.list().map((record) => record.kind), ['invalid-json', 'postal']);
    await postLikePostal(restarted.address.url, body);
    assert.deepEqual([reopened.list()[0].duplicate, reopened.list()[0].attempt], [true, 2], 'a retry after the restart is recognised');
    await again.stop();
    await reopened.close();
  });

  it('has every request it answered 2xx on disk when the process is killed with SIGKILL', async () => {
    const path = join(dir, 'history.jsonl');
    const { child, url } = await startCli(['--history', path, '--json']);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const uuids = Array.from({ length: 40 }, (_, index) => `dead0000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    const statuses = await Promise.all(uuids.map((uuid) => postLikePostal(url, postalBody(uuid)).then((response) => response.status)));
    assert.ok(statuses.every((status) => status === 200));
    child.kill('SIGKILL');
    await exited;
    // A write cut short by the crash leaves a torn last line; it must be skipped, not fatal.
    appendFileSync(path, '{"type":"record","record":{"id":"zz');
    const result = await openFileStore(path);
    assert.ok(result.ok);
    assert.equal(result.report.invalid, 1);
    assert.deepEqual(result.store.list().map((record) => record.uuid).sort(), [...uuids].sort());
    await result.store.close();
    assert.ok(!readFileSync(path, 'utf8').includes('"zz'), 'the torn line was cleaned away');
  });
});
