import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExplorerModel, NO_FILTER } from '../../../src/core/explorer';
import { createMemoryStore, openFileStore, type StoreChange, type WebhookStore } from '../../../src/core/store';
import { makeRecord } from '../helpers/records';

async function fileStore(path: string, maxRecords = 100): Promise<WebhookStore> {
  const opened = await openFileStore(path, { maxRecords });
  if (!opened.ok) assert.fail(opened.message);
  return opened.store;
}

const ids = (store: WebhookStore): string[] => store.list().map((entry) => entry.id);

describe('putting deleted requests back (Undo)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'postal-restore-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('puts records back in their places, whole, and says so once', async () => {
    const store = createMemoryStore();
    const records = [makeRecord(), makeRecord(), makeRecord(), makeRecord()];
    for (const record of records) await store.add(record);
    const before = ids(store);
    const gone = [records[0], records[2]];
    await store.delete(gone.map((record) => record.id));
    const changes: StoreChange[] = [];
    store.onDidChange((change) => changes.push(change));
    assert.equal(await store.restore(gone), 2);
    assert.deepEqual(ids(store), before);
    assert.deepEqual(store.read(records[2].id), records[2]);
    assert.deepEqual(changes.map((change) => change.type), ['restored']);
    assert.equal(await store.restore(gone), 0, 'records already back are skipped');
  });

  it('keeps them in their places in the file, after a restart too, and evicts the oldest first afterwards', async () => {
    const path = join(dir, 'history.jsonl');
    const store = await fileStore(path, 4);
    const records = [makeRecord(), makeRecord(), makeRecord(), makeRecord()];
    for (const record of records) await store.add(record);
    await store.delete([records[1].id]);
    assert.equal(await store.restore([records[1]]), 1);
    assert.deepEqual(ids(store), [...records].reverse().map((record) => record.id));
    await store.close();
    const reopened = await fileStore(path, 4);
    assert.deepEqual(ids(reopened), [...records].reverse().map((record) => record.id));
    assert.deepEqual(reopened.read(records[1].id), records[1]);
    const newer = makeRecord();
    await reopened.add(newer);
    assert.deepEqual(ids(reopened), [newer, records[3], records[2], records[1]].map((record) => record.id), 'the oldest went, not the restored one');
    await reopened.close();
  });

  it('lets the Events model show restored records where they were', async () => {
    const store = createMemoryStore();
    const model = new ExplorerModel();
    store.onDidChange((change) => model.apply(change));
    const records = [makeRecord(), makeRecord(), makeRecord()];
    for (const record of records) await store.add(record);
    await store.delete([records[0].id]);
    await store.restore([records[0]]);
    assert.deepEqual(model.view('time', NO_FILTER, Date.now()).records.map((summary) => summary.record.id), [...records].reverse().map((record) => record.id));
  });
});
