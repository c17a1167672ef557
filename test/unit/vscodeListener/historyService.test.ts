import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../../src/core/logger';
import { openFileStore } from '../../../src/core/store';
import { HistoryService, type HistoryChange } from '../../../src/vscode/listener/historyService';
import { startCli } from '../helpers/cliProcess';
import { makeRecord } from '../helpers/records';

const SIZE = { maxEvents: 100, maxSizeMB: 100 };

describe('history service', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the records a previous session wrote, and announces the new store', async () => {
    const path = join(dir, 'history.jsonl');
    const first = new HistoryService(silentLogger);
    await first.open(path, SIZE);
    const records = [makeRecord(), makeRecord()];
    for (const record of records) await first.store.add(record);
    await first.dispose();

    const second = new HistoryService(silentLogger);
    const changes: HistoryChange['type'][] = [];
    second.onDidChange((change) => changes.push(change.type));
    await second.open(path, SIZE);
    assert.deepEqual(second.store.list().map((record) => record.id), records.map((record) => record.id).reverse());
    assert.deepEqual(changes, ['reset']);
    await second.store.add(makeRecord());
    assert.deepEqual(changes, ['reset', 'added']);
    await second.dispose();
  });

  it('reopens with a smaller size, keeping the newest', async () => {
    const path = join(dir, 'history.jsonl');
    const service = new HistoryService(silentLogger);
    await service.open(path, SIZE);
    for (let index = 0; index < 15; index++) await service.store.add(makeRecord());
    const newest = service.store.list()[0].id;
    assert.equal(service.differsFrom(path, SIZE), false);
    await service.open(path, { maxEvents: 10, maxSizeMB: 100 });
    assert.equal(service.store.size, 10);
    assert.equal(service.store.list()[0].id, newest);
    await service.dispose();
  });

  it('keeps events in memory, with a warning that says so, when the file cannot be used', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const service = new HistoryService(silentLogger);
    const warning = await service.open(join(blocker, 'history.jsonl'), SIZE);
    assert.match(warning ?? '', /Cannot use the history file .*: the folder cannot be created or is not a folder .* Events are shown but not kept, and the listener does not start until this is fixed\./);
    assert.match(service.problem ?? '', /Cannot use the history file/);
    assert.equal(service.path, undefined);
    await service.store.add(makeRecord());
    assert.equal(service.store.size, 1);
    await service.dispose();
  });

  it('keeps its own history next to one another program writes, and says so', async function () {
    this.timeout(20_000);
    const path = join(dir, 'history.jsonl');
    const other = await startCli(['--history', path]);
    const service = new HistoryService(silentLogger, { releaseWaitMs: 0 });
    try {
      const warning = await service.open(path, SIZE);
      const own = join(dir, 'history-2.jsonl');
      assert.equal(service.path, own);
      assert.match(warning ?? '', new RegExp(`The Postal history in .*history\\.jsonl is in use by postal-webhooks listen \\(process ${other.child.pid}, since [\\d:]+\\), so this window keeps its own history in .*history-2\\.jsonl\\.`));
      assert.equal(service.notice, warning);
      assert.equal(service.problem, undefined, 'the listener may start: what it answers is stored');
      await service.store.add(makeRecord());
      assert.equal(service.store.size, 1);
    } finally {
      await service.dispose();
      other.child.kill('SIGTERM');
      await other.closed;
    }
  });

  it('waits for a window that lets go of the history as it reloads, and then uses the usual file', async () => {
    const path = join(dir, 'history.jsonl');
    const reloading = await openFileStore(path, { app: 'VS Code' });
    assert.ok(reloading.ok);
    setTimeout(() => void reloading.store.close(), 300);
    const service = new HistoryService(silentLogger, { releaseWaitMs: 3000 });
    const warning = await service.open(path, SIZE);
    assert.equal(warning, undefined);
    assert.equal(service.path, path);
    await service.dispose();
  });
});

