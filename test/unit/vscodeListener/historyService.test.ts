import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../../src/core/logger';
import { HistoryService, type HistoryChange } from '../../../src/vscode/listener/historyService';
import { makeRecord } from '../helpers/records';

describe('history service', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the records a previous session wrote, and announces the new store', async () => {
    const path = join(dir, 'history.jsonl');
    const first = new HistoryService(silentLogger);
    await first.open(path, 100);
    const records = [makeRecord(), makeRecord()];
    for (const record of records) await first.store.add(record);
    await first.dispose();

    const second = new HistoryService(silentLogger);
    const changes: HistoryChange['type'][] = [];
    second.onDidChange((change) => changes.push(change.type));
    await second.open(path, 100);
    assert.deepEqual(second.store.list().map((record) => record.id), records.map((record) => record.id).reverse());
    assert.deepEqual(changes, ['reset']);
    await second.store.add(makeRecord());
    assert.deepEqual(changes, ['reset', 'added']);
    await second.dispose();
  });

  it('reopens with a smaller size, keeping the newest', async () => {
    const path = join(dir, 'history.jsonl');
    const service = new HistoryService(silentLogger);
    await service.open(path, 100);
    for (let index = 0; index < 15; index++) await service.store.add(makeRecord());
    const newest = service.store.list()[0].id;
    assert.equal(service.differsFrom(path, 100), false);
    await service.open(path, 10);
    assert.equal(service.store.size, 10);
    assert.equal(service.store.list()[0].id, newest);
    await service.dispose();
  });

  it('keeps events in memory, with a warning that says so, when the file cannot be used', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const service = new HistoryService(silentLogger);
    const warning = await service.open(join(blocker, 'history.jsonl'), 100);
    assert.match(warning ?? '', /Cannot use the history file .* Events are kept in memory until VS Code closes\./);
    assert.equal(service.path, undefined);
    await service.store.add(makeRecord());
    assert.equal(service.store.size, 1);
    await service.dispose();
  });
});
