import * as assert from 'node:assert/strict';
import { createMemoryStore, createRecordId, type StoreChange } from '../../../src/core/store';
import { makeRecord } from '../helpers/records';

describe('history store (in memory)', () => {
  it('lists newest first and finds records by id', async () => {
    const store = createMemoryStore();
    const first = makeRecord();
    const second = makeRecord();
    await store.add(first);
    await store.add(second);
    assert.deepEqual(store.list().map((record) => record.id), [second.id, first.id]);
    assert.equal(store.read(first.id), first);
    assert.equal(store.get(first.id)?.id, first.id);
    assert.equal(store.get('nope'), undefined);
  });

  it('keeps only the newest maxRecords, reporting which were evicted', async () => {
    const store = createMemoryStore({ maxRecords: 3 });
    const changes: StoreChange[] = [];
    store.onDidChange((change) => changes.push(change));
    const records = [makeRecord(), makeRecord(), makeRecord(), makeRecord(), makeRecord()];
    for (const record of records) await store.add(record);
    assert.equal(store.size, 3);
    assert.deepEqual(store.list().map((record) => record.id), records.slice(2).reverse().map((record) => record.id));
    const evicted = changes.flatMap((change) => (change.type === 'added' ? change.evicted : []));
    assert.deepEqual(evicted, [records[0].id, records[1].id]);
  });

  it('keeps the newest records within its byte limit too, bodies included', async () => {
    const store = createMemoryStore({ maxRecords: 1000, maxBytes: 64 * 1024 });
    const body = 'b'.repeat(10_000);
    const records = Array.from({ length: 20 }, () => makeRecord({ body: { encoding: 'utf8', data: body, size: body.length, truncated: false } }));
    for (const record of records) await store.add(record);
    assert.ok(store.bytes <= 64 * 1024 && store.size >= 5 && store.size < 20, `${store.size} records, ${store.bytes} bytes`);
    assert.equal(store.list()[0].id, records.at(-1)?.id);
    const huge = 'h'.repeat(20_000);
    await assert.rejects(store.add(makeRecord({ body: { encoding: 'utf8', data: huge, size: huge.length, truncated: false } })), { reason: 'too-large' });
  });

  it('tells a retried envelope uuid from a new one, and forgets it when its records are deleted', async () => {
    const store = createMemoryStore();
    const first = makeRecord({ uuid: 'retry-me' });
    await store.add(first);
    const retry = makeRecord({ uuid: 'retry-me' });
    await store.add(retry);
    assert.deepEqual(store.sighting('retry-me'), { count: 2, firstId: first.id });
    assert.equal(store.sighting('other'), undefined);
    assert.equal(await store.delete([first.id, 'unknown']), 1);
    assert.deepEqual(store.sighting('retry-me'), { count: 1, firstId: retry.id });
    await store.clear();
    assert.equal(store.sighting('retry-me'), undefined);
    assert.equal(store.size, 0);
  });

  it('merges a late forward result into the record and announces it', async () => {
    const store = createMemoryStore();
    const record = makeRecord();
    await store.add(record);
    const updates: string[] = [];
    store.onDidChange((change) => updates.push(change.type));
    const forward = { outcome: 'failed' as const, url: 'http://127.0.0.1:1/', startedAt: 1, durationMs: 2, error: { code: 'refused' as const, message: 'refused' } };
    await store.update(record.id, { forward });
    assert.deepEqual(store.read(record.id)?.forward, forward);
    assert.deepEqual(store.get(record.id)?.forward, forward);
    assert.deepEqual(updates, ['updated']);
  });

  it('exports chosen records oldest first as JSONL or as a JSON array', async () => {
    const store = createMemoryStore();
    const records = [makeRecord(), makeRecord(), makeRecord()];
    for (const record of records) await store.add(record);
    const lines = store.export().trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string });
    assert.deepEqual(lines.map((line) => line.id), records.map((record) => record.id));
    const chosen = JSON.parse(store.export([records[2].id, records[0].id], 'json')) as { id: string }[];
    assert.deepEqual(chosen.map((record) => record.id), [records[0].id, records[2].id]);
  });

  it('keeps working when a change listener throws', async () => {
    const store = createMemoryStore();
    store.onDidChange(() => {
      throw new Error('listener bug');
    });
    await store.add(makeRecord());
    assert.equal(store.size, 1);
  });
});

describe('createRecordId', () => {
  it('sorts in creation order within one millisecond and when the clock steps back', () => {
    const ids = [createRecordId(5_000_000), createRecordId(5_000_000), createRecordId(4_000_000), createRecordId(5_000_001), createRecordId(9_000_000)];
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
  });
});
