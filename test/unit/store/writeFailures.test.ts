import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createListener } from '../../../src/core/listener';
import { type Logger } from '../../../src/core/logger';
import { type FileOps, HistoryWriteError, NODE_FILE_OPS, openFileStore, type WebhookStore } from '../../../src/core/store';
import { postalBody } from '../helpers/bodies';
import { postLikePostal, wholeRecord } from '../helpers/listenerHarness';
import { makeRecord } from '../helpers/records';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/**
 * The real file calls, with failures switched on by the test: `disk full` writes half of what
 * it is given and then fails as a full disk does; `truncateFails` makes the next cut-backs fail.
 */
function faultyOps(): FileOps & { diskFull: boolean; truncateFails: number; partialWrites: number } {
  const ops = {
    ...NODE_FILE_OPS,
    diskFull: false,
    truncateFails: 0,
    partialWrites: 0,
    writev(fd: number, buffers: Buffer[]): number {
      if (!ops.diskFull) return NODE_FILE_OPS.writev(fd, buffers);
      const all = Buffer.concat(buffers);
      ops.partialWrites += 1;
      NODE_FILE_OPS.write(fd, all, 0, Math.floor(all.length / 2));
      throw errno('ENOSPC');
    },
    ftruncate(fd: number, length: number): void {
      if (ops.truncateFails > 0) {
        ops.truncateFails -= 1;
        throw errno('EIO');
      }
      NODE_FILE_OPS.ftruncate(fd, length);
    },
  };
  return ops;
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string | Error) => lines.push(`${level} ${String(message)}`);
  return { lines, trace: () => undefined, debug: () => undefined, info: at('info'), warn: at('warn'), error: at('error') };
}

/** Every line of the file parses: no line was left half written, none glued to another. */
function wholeLines(path: string): { type: string; record?: { id: string } }[] {
  const text = readFileSync(path, 'utf8');
  assert.ok(text === '' || text.endsWith('\n'), 'the file ends with a whole line');
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { type: string; record?: { id: string } });
}

describe('history writes that fail (fault injection in the file writer)', () => {
  let dir: string;
  let path: string;
  let store: WebhookStore | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'postal-faults-'));
    path = join(dir, 'history.jsonl');
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(ops: FileOps, logger?: Logger): Promise<WebhookStore> {
    const result = await openFileStore(path, { fileOps: ops, logger });
    if (!result.ok) assert.fail(result.message);
    store = result.store;
    return result.store;
  }

  it('rejects a write that fails half way, cuts the half line back, and keeps nothing of that record', async () => {
    const ops = faultyOps();
    const history = await open(ops);
    const kept = makeRecord();
    await history.add(kept);
    ops.diskFull = true;
    const lost = makeRecord();
    await assert.rejects(history.add(lost), (error: unknown) => error instanceof HistoryWriteError && error.reason === 'failed' && /the disk is full/.test(error.message));
    assert.equal(ops.partialWrites, 1);
    assert.equal(history.get(lost.id), undefined);
    assert.deepEqual(wholeLines(path).map((line) => line.record?.id), [kept.id]);
    ops.diskFull = false;
    const next = makeRecord();
    await history.add(next);
    assert.deepEqual(wholeLines(path).map((line) => line.record?.id), [kept.id, next.id]);
    assert.deepEqual(history.read(next.id), next);
  });

  it('repairs the torn tail before the next append when cutting it back failed at first', async () => {
    const ops = faultyOps();
    const history = await open(ops);
    ops.diskFull = true;
    ops.truncateFails = 2;
    await assert.rejects(history.add(makeRecord()));
    assert.ok(!readFileSync(path, 'utf8').endsWith('\n'), 'the half line is still there');
    // Space is back, but the disk still fails the next cut once: that record is refused too.
    ops.diskFull = false;
    await assert.rejects(history.add(makeRecord()), /input\/output error/);
    const next = makeRecord();
    await history.add(next);
    assert.deepEqual(wholeLines(path).map((line) => line.record?.id), [next.id]);
  });

  it('says once that writing fails and once that it works again, and tells subscribers', async () => {
    const ops = faultyOps();
    const logger = recordingLogger();
    const history = await open(ops, logger);
    const problems: (string | undefined)[] = [];
    history.onDidChangeWriteProblem((problem) => problems.push(problem));
    ops.diskFull = true;
    for (let index = 0; index < 5; index++) await assert.rejects(history.add(makeRecord()));
    assert.match(history.writeProblem ?? '', /the disk is full/);
    ops.diskFull = false;
    await history.add(makeRecord());
    assert.equal(history.writeProblem, undefined);
    assert.deepEqual(problems, ['the disk is full: free some space', undefined]);
    const errors = logger.lines.filter((line) => line.startsWith('error'));
    assert.equal(errors.length, 1, logger.lines.join('\n'));
    assert.match(errors[0], /cannot write the history file .*: the disk is full: free some space\. Requests are answered 503/);
    assert.ok(logger.lines.some((line) => /^info history .*: writing works again; 5 request\(s\) were answered 503 meanwhile/.test(line)), logger.lines.join('\n'));
  });

  it('makes the listener keep a request too big for the history as too-large, answered 413, without its body', async () => {
    const result = await openFileStore(path, { maxBytes: 64 * 1024 });
    if (!result.ok) assert.fail(result.message);
    store = result.store;
    const listener = createListener({ port: 0 }, { store, logger: recordingLogger() });
    const started = await listener.start();
    assert.ok(started.ok);
    try {
      const body = JSON.stringify({ ...(JSON.parse(postalBody('b16b16b1-0000-4000-8000-000000000001')) as object), padding: 'p'.repeat(20_000) });
      const response = await postLikePostal(started.address.url, body);
      assert.equal(response.status, 413);
      assert.match(((await response.json()) as { error: string }).error, /more than the 16384 bytes \(a quarter of the history's size limit\) one request may take\. Raise the history's size limit/);
      const record = wholeRecord(store, store.list()[0]?.id);
      assert.deepEqual([record.kind, record.body.size, record.body.data, record.response.status], ['too-large', Buffer.byteLength(body), '', 413]);
    } finally {
      await listener.stop();
    }
  });

  it('makes the listener answer 503 with Retry-After while the disk is full, and 200 again once it is not', async () => {
    const ops = faultyOps();
    const history = await open(ops);
    const listener = createListener({ port: 0 }, { store: history, logger: recordingLogger() });
    const started = await listener.start();
    assert.ok(started.ok);
    try {
      const first = await postLikePostal(started.address.url, postalBody('aaaaaaaa-0000-4000-8000-000000000001'));
      assert.equal(first.status, 200);
      ops.diskFull = true;
      const refused = await postLikePostal(started.address.url, postalBody('aaaaaaaa-0000-4000-8000-000000000002'));
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('retry-after'), '60');
      assert.match(((await refused.json()) as { error: string }).error, /the disk is full.*not stored/);
      ops.diskFull = false;
      const again = await postLikePostal(started.address.url, postalBody('aaaaaaaa-0000-4000-8000-000000000002'));
      assert.equal(again.status, 200);
      const uuids = wholeLines(path).map((line) => (line.record as { uuid?: string } | undefined)?.uuid);
      assert.deepEqual(uuids, ['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002']);
      assert.equal(wholeRecord(history, history.list()[0].id).attempt, 1, 'the refused attempt was not stored, so it counts for nothing');
    } finally {
      await listener.stop();
    }
  });
});
