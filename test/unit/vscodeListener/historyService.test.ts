import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../../src/core/logger';
import { HistoryService, type HistoryChange } from '../../../src/vscode/listener/historyService';
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
});
