import * as assert from 'node:assert/strict';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Logger } from '../../../src/core/logger';
import { openFileStore, type OpenStoreResult, type StoreOptions, type WebhookStore } from '../../../src/core/store';
import { recordLine } from '../../../src/core/store/storeLines';
import { makeRecord } from '../helpers/records';

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');
}

function recordIds(path: string): string[] {
  return lines(path).flatMap((line) => {
    const value = JSON.parse(line) as { type: string; record?: { id: string } };
    return value.type === 'record' && value.record !== undefined ? [value.record.id] : [];
  });
}

function warnings(): Logger & { warned: string[] } {
  const warned: string[] = [];
  const none = (): void => undefined;
  return { warned, trace: none, debug: none, info: none, warn: (message) => warned.push(message), error: (message) => warned.push(String(message)) };
}

describe('history store (JSONL file)', () => {
  let dir: string;
  let path: string;
  const opened: WebhookStore[] = [];
  async function openStore(options: StoreOptions = {}, at = path): Promise<Extract<OpenStoreResult, { ok: true }>> {
    const result = await openFileStore(at, options);
    if (!result.ok) assert.fail(result.message);
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

  it('has each record on disk, in a versioned line, once add() resolves, and reads it back whole after a restart', async () => {
    const { store } = await openStore();
    const record = makeRecord();
    await store.add(record);
    assert.deepEqual(lines(path).map((line) => (JSON.parse(line) as { v: number; type: string }).v), [2]);
    await store.close();
    const reopened = await openStore();
    assert.deepEqual(reopened.store.read(record.id), record);
    assert.equal(reopened.report.loaded, 1);
  });

  it('keeps only a summary in memory: headers and bodies are read from the file', async () => {
    const { store } = await openStore();
    const record = makeRecord();
    await store.add(record);
    const entry = store.get(record.id) as unknown as Record<string, unknown>;
    assert.equal(entry.headers, undefined);
    assert.deepEqual(entry.body, { encoding: 'utf8', size: record.body.size, truncated: false });
    assert.deepEqual(store.read(record.id)?.body, record.body);
  });

  it('writes many concurrent records, all of them, in arrival order', async () => {
    const { store } = await openStore();
    const records = Array.from({ length: 200 }, () => makeRecord());
    await Promise.all(records.map((record) => store.add(record)));
    assert.deepEqual(recordIds(path), records.map((record) => record.id));
  });

  it('appends late forward results as update lines and merges them on load', async () => {
    const { store } = await openStore();
    const record = makeRecord();
    await store.add(record);
    const forward = { outcome: 'response' as const, url: 'http://app/', startedAt: 1, durationMs: 12, status: 500, statusText: 'Internal Server Error', headers: {}, body: { encoding: 'utf8' as const, data: 'boom', size: 4, truncated: false } };
    await store.update(record.id, { forward });
    assert.match(lines(path)[1], /^\{"v":2,"type":"update","id":"[^"]+","forward":/);
    assert.deepEqual(store.get(record.id)?.forward, { outcome: 'response', url: 'http://app/', startedAt: 1, durationMs: 12, status: 500, statusText: 'Internal Server Error' });
    await store.close();
    const { store: reopened } = await openStore();
    assert.deepEqual(reopened.read(record.id)?.forward, forward);
  });

  it('keeps a signature checked again, with the forward result before it, across a restart', async () => {
    const { store } = await openStore();
    const record = makeRecord({ signature: { status: 'no-key', algorithm: 'sha256' } });
    await store.add(record);
    const forward = { outcome: 'failed' as const, url: 'http://app/', startedAt: 1, durationMs: 3, error: { code: 'refused' as const, message: 'refused' } };
    // Issued together: the second update must not lose the first, still on its way to the file.
    const forwarded = store.update(record.id, { forward });
    const rechecked = store.update(record.id, { signature: { status: 'valid', algorithm: 'sha256', kid: { key: 'k1' } } });
    await Promise.all([forwarded, rechecked]);
    assert.equal(store.get(record.id)?.signature.status, 'valid');
    assert.deepEqual(store.read(record.id)?.forward, forward);
    await store.update(record.id, { signature: { status: 'invalid', algorithm: 'sha256', failure: 'other-key', kid: { key: 'k2' } } });
    await store.close();
    const { store: reopened } = await openStore();
    assert.equal(reopened.get(record.id)?.signature.status, 'invalid');
    assert.equal(reopened.read(record.id)?.signature.failure, 'other-key');
    assert.deepEqual(reopened.read(record.id)?.forward, forward);
  });

  it('still reads lines of the first format (no development key, no signature updates)', async () => {
    const record = makeRecord({ signature: { status: 'no-key', algorithm: 'sha1' } });
    mkdirSync(join(dir, 'nested'), { recursive: true });
    writeFileSync(path, `${recordLine(record).replace('{"v":2,', '{"v":1,')}`);
    const { store, report } = await openStore();
    assert.equal(report.invalid, 0);
    assert.deepEqual(store.read(record.id), record);
  });

  it('recognises a Postal retry after a restart by its envelope uuid', async () => {
    const { store } = await openStore();
    const first = makeRecord({ uuid: 'same-delivery' });
    await store.add(first);
    await store.close();
    const { store: reopened } = await openStore();
    assert.deepEqual(reopened.sighting('same-delivery'), { count: 1, firstId: first.id });
  });

  it('repairs a torn last line before appending again, so the next record is never glued to it', async () => {
    const { store } = await openStore();
    const kept = makeRecord();
    await store.add(kept);
    await store.close();
    appendFileSync(path, '{"v":1,"type":"record","record":{"id":"torn","rece');
    const { store: reopened, report } = await openStore();
    assert.deepEqual([report.loaded, report.invalid, report.notKept, report.backup], [1, 1, 1, undefined], 'a torn line is not worth a backup');
    assert.match(report.firstInvalid?.reason ?? '', /cut short/);
    const next = makeRecord();
    await reopened.add(next);
    assert.deepEqual(recordIds(path), [kept.id, next.id]);
    assert.ok(lines(path).every((line) => JSON.parse(line) !== undefined));
  });

  it('skips, counts and keeps in .bak every line that is not a valid history line, and says so once', async () => {
    const good = [makeRecord(), makeRecord()];
    const flat = join(dir, 'history.jsonl');
    const crafted = JSON.stringify({ type: 'record', record: { id: 'x', receivedAt: 1, headers: { raw: [] } } });
    const future = JSON.stringify({ v: 99, type: 'record', record: good[0] });
    writeFileSync(flat, [JSON.stringify({ v: 1, type: 'record', record: good[0] }), 'garbage{', '[1,2]', crafted, future, JSON.stringify({ type: 'record', record: good[1] }), ''].join('\n'));
    const logger = warnings();
    const { store, report } = await openStore({ logger }, flat);
    assert.deepEqual([report.loaded, report.invalid, report.firstInvalid?.lineNumber], [2, 4, 2]);
    assert.equal(report.backup, `${flat}.bak`);
    assert.deepEqual(readFileSync(`${flat}.bak`, 'utf8').split('\n').slice(0, 4), ['garbage{', '[1,2]', crafted, future]);
    assert.equal(logger.warned.length, 1, logger.warned.join('\n'));
    assert.match(logger.warned[0], /4 line\(s\) could not be used and were left out \(the first, line 2: not JSON .*\); they are kept in .*history\.jsonl\.bak/);
    assert.deepEqual(store.list().map((record) => record.id), [good[1].id, good[0].id]);
    assert.deepEqual(recordIds(flat), [good[0].id, good[1].id], 'the file was rewritten without them');
    assert.equal(lines(flat).length, 2);
  });

  it('compacts the file once it holds more than four times the count limit, keeping the newest records', async () => {
    const { store } = await openStore({ maxRecords: 5 });
    const records = Array.from({ length: 21 }, () => makeRecord());
    for (const record of records) await store.add(record);
    await store.flush();
    assert.ok(lines(path).length <= 20, `file has ${lines(path).length} lines`);
    assert.ok(!readdirSync(join(dir, 'nested')).some((name) => name.endsWith('.tmp')));
    await store.close();
    const { store: reopened } = await openStore({ maxRecords: 5 });
    assert.deepEqual(reopened.list().map((record) => record.id), records.slice(16).reverse().map((record) => record.id));
  });

  it('keeps the newest records within the byte limit, and the file never past 1.5 times it', async () => {
    const maxBytes = 64 * 1024;
    const { store } = await openStore({ maxBytes, maxRecords: 100_000 });
    const body = 'x'.repeat(3000);
    let largest = 0;
    const records = Array.from({ length: 300 }, () => makeRecord({ body: { encoding: 'utf8', data: body, size: body.length, truncated: false } }));
    const writes = records.map((record) =>
      store.add(record).then(() => {
        largest = Math.max(largest, statSync(path).size);
      }),
    );
    await Promise.all(writes);
    await store.flush();
    assert.ok(largest <= 1.5 * maxBytes, `the file reached ${largest} bytes`);
    assert.ok(store.bytes <= maxBytes && store.size >= 15, `${store.size} records, ${store.bytes} bytes`);
    assert.equal(store.list()[0].id, records.at(-1)?.id);
    await store.close();
    const { store: reopened } = await openStore({ maxBytes, maxRecords: 100_000 });
    assert.deepEqual(reopened.list().map((record) => record.id), records.slice(-reopened.size).reverse().map((record) => record.id));
  });

  it('reads a big file in chunks without losing a line that spans two of them', async () => {
    const { store } = await openStore({ maxRecords: 100_000 });
    const body = 'z'.repeat(3000);
    const records = Array.from({ length: 3500 }, () => makeRecord({ body: { encoding: 'utf8', data: body, size: body.length, truncated: false } }));
    for (const record of records) void store.add(record);
    await store.close();
    assert.ok(statSync(path).size > 8 * 1024 * 1024, 'more than two 4 MB chunks');
    const { store: reopened, report } = await openStore({ maxRecords: 100_000 });
    assert.deepEqual([report.loaded, report.invalid], [records.length, 0]);
    for (const record of records) assert.equal(reopened.read(record.id)?.id, record.id);
  });

  it('opens a 2 GB file far over its bound by reading only its newest part, then rewrites it small', async () => {
    const flat = join(dir, 'history.jsonl');
    writeFileSync(flat, '');
    truncateSync(flat, 2 * 1024 * 1024 * 1024);
    const newest = Array.from({ length: 40 }, () => makeRecord());
    appendFileSync(flat, `\n${newest.map((record) => recordLine(record)).join('')}`);
    const logger = warnings();
    const { store, report } = await openStore({ maxBytes: 256 * 1024, logger }, flat);
    assert.equal(report.partial?.readBytes, 384 * 1024, '1.5 times the limit');
    assert.ok((report.partial?.fileBytes ?? 0) > 2 * 1024 * 1024 * 1024);
    assert.deepEqual(store.list().map((record) => record.id), newest.map((record) => record.id).reverse());
    assert.ok(statSync(flat).size < 256 * 1024, `the file is ${statSync(flat).size} bytes after the rewrite`);
    assert.match(logger.warned.join('\n'), /holds 2048\.0 MB, more than a history this size may: only its newest 0\.4 MB were read, older requests were dropped/);
  });

  it('refuses a record too big for the history with a "too-large" error, storing nothing', async () => {
    const { store } = await openStore({ maxBytes: 16 * 1024 });
    const body = 'y'.repeat(5000);
    await assert.rejects(store.add(makeRecord({ body: { encoding: 'utf8', data: body, size: body.length, truncated: false } })), { name: 'HistoryWriteError', reason: 'too-large' });
    assert.equal(store.size, 0);
    assert.deepEqual(lines(path), []);
  });

  it('loses and repeats nothing when requests keep arriving during compactions', async () => {
    const { store } = await openStore({ maxRecords: 5 });
    const records = Array.from({ length: 60 }, () => makeRecord());
    const writes: Promise<unknown>[] = [];
    for (const [index, record] of records.entries()) {
      writes.push(store.add(record));
      if (index % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(writes);
    await store.flush();
    const ids = recordIds(path);
    assert.equal(new Set(ids).size, ids.length, 'no record line written twice');
    assert.deepEqual(ids.slice(-5), records.slice(-5).map((record) => record.id));
    for (const record of records.slice(-5)) assert.deepEqual(store.read(record.id), record, 'read back at its new place');
    await store.close();
    const { store: reopened } = await openStore({ maxRecords: 5 });
    assert.deepEqual(reopened.list().map((record) => record.id), records.slice(-5).reverse().map((record) => record.id));
  });

  it('persists delete (as a line) and clear', async () => {
    const { store } = await openStore();
    const records = [makeRecord(), makeRecord(), makeRecord()];
    for (const record of records) await store.add(record);
    await store.delete([records[1].id]);
    assert.match(lines(path).at(-1) ?? '', /^\{"v":2,"type":"delete","ids":\["[^"]+"\]\}$/);
    await store.close();
    const { store: reopened } = await openStore();
    assert.deepEqual(reopened.list().map((record) => record.id), [records[2].id, records[0].id]);
    await reopened.clear();
    assert.deepEqual(lines(path), []);
  });

  it('does not trust a line changed on disk after it was loaded', async () => {
    const { store } = await openStore();
    const record = makeRecord();
    await store.add(record);
    // Same length, still JSON, but the time is now a string: the schema must catch it.
    const text = readFileSync(path, 'utf8').replace(/"receivedAt":(\d+)/, (_match, digits: string) => `"receivedAt":"${'x'.repeat(digits.length - 2)}"`);
    writeFileSync(path, text);
    assert.equal(store.read(record.id), undefined);
    assert.equal(store.get(record.id)?.id, record.id, 'the entry stays; only reading the record fails');
  });

  it('creates the file owner-only in owner-only folders, and keeps its permissions through compactions', async function () {
    if (process.platform === 'win32') this.skip();
    const { store } = await openStore({ maxRecords: 2 });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'nested')).mode & 0o777, 0o700);
    for (let index = 0; index < 6; index++) await store.add(makeRecord());
    await store.flush();
    assert.equal(statSync(path).mode & 0o777, 0o600, 'after a compaction');
    chmodSync(path, 0o640);
    for (let index = 0; index < 6; index++) await store.add(makeRecord());
    await store.flush();
    assert.equal(statSync(path).mode & 0o777, 0o640, 'a mode the user chose is kept');
  });

  it('answers with an actionable message when the file cannot be used, at once and without a lock left behind', async () => {
    const result = await openFileStore(dir, {});
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /Cannot use the history file .*: the path is a folder: name a file inside it\./);
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const underFile = await openFileStore(join(blocker, 'sub', 'history.jsonl'), {});
    assert.match(underFile.ok ? '' : underFile.message, /Cannot use the history file .*: the folder cannot be created or is not a folder/);
    const proc = await openFileStore('/proc/no-such-process/history.jsonl', {});
    assert.equal(proc.ok, false);
    assert.ok(!existsSync(`${dir}.lock`));
  });
});
