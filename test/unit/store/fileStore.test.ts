import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileStore, type OpenStoreResult, type StoreOptions, type WebhookStore } from '../../../src/core/store';
import { makeRecord } from '../helpers/records';

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');
}

async function open(path: string, options: StoreOptions = {}): Promise<Extract<OpenStoreResult, { ok: true }>> {
  const result = await openFileStore(path, options);
  if (!result.ok) assert.fail(result.message);
  return result;
}

describe('history store (JSONL file)', () => {
  let dir: string;
  let path: string;
  const opened: WebhookStore[] = [];
  async function openStore(options: StoreOptions = {}): Promise<Extract<OpenStoreResult, { ok: true }>> {
    const result = await open(path, options);
    opened.push(result.store);
    return result;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'postal-store-'));
    path = join(dir, 'nested', 'history.jsonl');
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has each record on disk once add() resolves, and loads it again after a restart', async () => {
    const { store } = await openStore();
    const record = makeRecord();
    await store.add(record);
    assert.equal(lines(path).length, 1);
    await store.close();
    const reopened = await openStore();
    assert.deepEqual(reopened.store.get(record.id), record);
    assert.equal(reopened.report.loaded, 1);
  });

  it('writes many concurrent records, all of them, in arrival order', async () => {
    const { store } = await openStore();
    const records = Array.from({ length: 200 }, () => makeRecord());
    await Promise.all(records.map((record) => store.add(record)));
    const onDisk = lines(path).map((line) => (JSON.parse(line) as { record: { id: string } }).record.id);
    assert.deepEqual(onDisk, records.map((record) => record.id));
  });

  it('appends late forward results as update lines and merges them on load', async () => {
    const { store } = await openStore();
    const record = makeRecord();
    await store.add(record);
    const forward = { outcome: 'response' as const, url: 'http://app/', startedAt: 1, durationMs: 12, status: 500, statusText: 'Internal Server Error', headers: {}, body: { encoding: 'utf8' as const, data: 'boom', size: 4, truncated: false } };
    await store.update(record.id, { forward });
    assert.match(lines(path)[1], /^\{"type":"update","id":"[^"]+","forward":/);
    await store.close();
    const { store: reopened } = await openStore();
    assert.deepEqual(reopened.get(record.id)?.forward, forward);
  });

  it('recognises a Postal retry after a restart by its envelope uuid', async () => {
    const { store } = await openStore();
    const first = makeRecord({ uuid: 'same-delivery' });
    await store.add(first);
    await store.close();
    const { store: reopened } = await openStore();
    assert.deepEqual(reopened.sighting('same-delivery'), { count: 1, firstId: first.id });
  });

  it('skips a torn last line, repairs the file and goes on appending cleanly', async () => {
    const { store } = await openStore();
    const kept = makeRecord();
    await store.add(kept);
    await store.close();
    appendFileSync(path, '{"type":"record","record":{"id":"torn","rece');
    const { store: reopened, report } = await openStore();
    assert.equal(report.loaded, 1);
    assert.deepEqual(report.skipped.map((line) => ({ lineNumber: line.lineNumber, last: line.last })), [{ lineNumber: 2, last: true }]);
    assert.equal(report.backup, undefined);
    const next = makeRecord();
    await reopened.add(next);
    await reopened.close();
    const { store: third } = await openStore();
    assert.deepEqual(third.list().map((record) => record.id), [next.id, kept.id]);
  });

  it('keeps a copy of the file before dropping damaged lines in the middle', async () => {
    const good = [makeRecord(), makeRecord()];
    const flat = join(dir, 'history.jsonl');
    writeFileSync(flat, [JSON.stringify({ type: 'record', record: good[0] }), 'garbage{', '[1,2]', JSON.stringify({ type: 'record', record: good[1] }), ''].join('\n'));
    const result = await open(flat);
    opened.push(result.store);
    assert.deepEqual(result.report.skipped.map((line) => line.lineNumber), [2, 3]);
    assert.ok(result.report.backup !== undefined);
    assert.match(readFileSync(result.report.backup, 'utf8'), /garbage\{/);
    assert.deepEqual(result.store.list().map((record) => record.id), [good[1].id, good[0].id]);
    assert.equal(lines(flat).length, 2);
  });

  it('compacts the file once it holds more than twice the bound, keeping the newest records', async () => {
    const { store } = await openStore({ maxRecords: 5 });
    const records = Array.from({ length: 11 }, () => makeRecord());
    for (const record of records) await store.add(record);
    await store.flush();
    const onDisk = lines(path);
    assert.ok(onDisk.length <= 10, `file has ${onDisk.length} lines`);
    assert.ok(!readdirSync(join(dir, 'nested')).some((name) => name.endsWith('.tmp')));
    await store.close();
    const { store: reopened } = await openStore({ maxRecords: 5 });
    assert.deepEqual(reopened.list().map((record) => record.id), records.slice(6).reverse().map((record) => record.id));
  });

  it('loses and repeats nothing when requests keep arriving during compactions', async () => {
    const { store } = await openStore({ maxRecords: 5 });
    const records = Array.from({ length: 60 }, () => makeRecord());
    const writes: Promise<void>[] = [];
    for (const [index, record] of records.entries()) {
      writes.push(store.add(record));
      if (index % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(writes);
    await store.flush();
    const ids = lines(path).map((line) => (JSON.parse(line) as { record: { id: string } }).record.id);
    assert.equal(new Set(ids).size, ids.length, 'no record line written twice');
    assert.deepEqual(ids.slice(-5), records.slice(-5).map((record) => record.id));
    await store.close();
    const { store: reopened } = await openStore({ maxRecords: 5 });
    assert.deepEqual(reopened.list().map((record) => record.id), records.slice(-5).reverse().map((record) => record.id));
  });

  it('persists delete and clear', async () => {
    const { store } = await openStore();
    const records = [makeRecord(), makeRecord(), makeRecord()];
    for (const record of records) await store.add(record);
    await store.delete([records[1].id]);
    await store.close();
    const { store: reopened } = await openStore();
    assert.deepEqual(reopened.list().map((record) => record.id), [records[2].id, records[0].id]);
    await reopened.clear();
    assert.deepEqual(lines(path), []);
  });

  it('answers with an actionable message when the file cannot be used', async () => {
    const result = await openFileStore(dir, {});
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /Cannot use the history file .*Choose another file, or check its permissions/);
  });
});
