import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileStore } from '../../../src/core/store';
import { postalBody } from '../helpers/bodies';
import { startCli } from '../helpers/cliProcess';
import { postLikePostal } from '../helpers/listenerHarness';
import { makeRecord } from '../helpers/records';

describe('history lock: one writer per file', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'postal-lock-'));
    path = join(dir, 'history.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second store on a file this process writes, and lets go on close', async () => {
    const first = await openFileStore(path, { app: 'first test' });
    assert.ok(first.ok);
    const holder = JSON.parse(readFileSync(`${path}.lock`, 'utf8')) as { pid: number; app: string };
    assert.deepEqual([holder.pid, holder.app], [process.pid, 'first test']);
    const second = await openFileStore(path, { app: 'second test' });
    assert.equal(second.ok, false);
    assert.ok(!second.ok && second.reason === 'locked');
    assert.match(second.ok ? '' : second.message, new RegExp(`is in use by first test \\(process ${process.pid}, since \\d\\d:\\d\\d:\\d\\d\\)`));
    await first.store.close();
    assert.ok(!existsSync(`${path}.lock`));
    const third = await openFileStore(path);
    assert.ok(third.ok);
    await third.store.close();
  });

  it('names the running listener that holds the file, and takes the file over once that process is killed', async function () {
    this.timeout(20_000);
    const cli = await startCli(['--history', path]);
    assert.equal((await postLikePostal(cli.url, postalBody('0b0b0b0b-0000-4000-8000-000000000001'))).status, 200);
    const refused = await openFileStore(path);
    assert.ok(!refused.ok && refused.reason === 'locked');
    assert.equal(refused.ok ? 0 : refused.reason === 'locked' ? refused.holder.pid : 0, cli.child.pid);
    assert.match(refused.ok ? '' : refused.message, new RegExp(`in use by postal-webhooks listen \\(process ${cli.child.pid}, since`));
    cli.child.kill('SIGKILL');
    await cli.closed;
    assert.ok(existsSync(`${path}.lock`), 'a killed process leaves its lock behind');
    const taken = await openFileStore(path);
    assert.ok(taken.ok, taken.ok ? '' : taken.message);
    assert.deepEqual(taken.store.list().map((entry) => entry.uuid), ['0b0b0b0b-0000-4000-8000-000000000001']);
    await taken.store.close();
  });

  it('takes over a lock file that names no process (unreadable or damaged)', async () => {
    writeFileSync(`${path}.lock`, '{"pid": "not a number"');
    const opened = await openFileStore(path);
    assert.ok(opened.ok, opened.ok ? '' : opened.message);
    await opened.store.add(makeRecord());
    await opened.store.close();
  });
});
