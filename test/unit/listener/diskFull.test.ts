import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileStore } from '../../../src/core/store';
import { postalBody } from '../helpers/bodies';
import { startCli } from '../helpers/cliProcess';
import { postLikePostal } from '../helpers/listenerHarness';

/** A ~100 KB Postal body: twenty of them fill the 2 MB disk. */
function bigBody(uuid: string): string {
  const envelope = JSON.parse(postalBody(uuid)) as Record<string, unknown>;
  return JSON.stringify({ ...envelope, padding: 'p'.repeat(100 * 1024) });
}

describe('listener on a full disk (a real 2 MB tmpfs)', () => {
  let dir: string;
  let mounted = false;
  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'postal-full-'));
    if (process.platform !== 'linux' || process.getuid?.() !== 0) {
      console.log('      skipped: mounting a small tmpfs needs root on Linux');
      this.skip();
    }
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', dir], { stdio: 'pipe' });
      mounted = true;
    } catch (error) {
      console.log(`      skipped: cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`);
      this.skip();
    }
  });
  after(() => {
    if (mounted) execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After once the disk is full, loses and glues nothing, and recovers when space is freed', async function () {
    this.timeout(60_000);
    const filler = join(dir, 'filler');
    writeFileSync(filler, Buffer.alloc(900 * 1024));
    const history = join(dir, 'history.jsonl');
    const cli = await startCli(['--history', history, '--json']);
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    const send = async (uuid: string): Promise<void> => {
      const response = await postLikePostal(cli.url, bigBody(uuid));
      statuses.push(response.status);
      if (response.status === 200) acknowledged.push(uuid);
      if (response.status === 503) retryAfter = response.headers.get('retry-after');
      await response.arrayBuffer();
    };
    for (let index = 0; index < 20; index++) await send(`d15cf011-0000-4000-8000-${String(index).padStart(12, '0')}`);
    assert.ok(statuses.includes(503), `answers while filling: ${statuses.join(' ')}`);
    assert.equal(retryAfter, '60');
    const full = statuses.length;
    rmSync(filler);
    for (let index = 0; index < 5; index++) await send(`d15cf022-0000-4000-8000-${String(index).padStart(12, '0')}`);
    assert.deepEqual(statuses.slice(full), [200, 200, 200, 200, 200], 'writing resumed by itself');
    assert.match(cli.output(), /error: cannot write the history file .*: the disk is full: free some space\. Requests are answered 503/);
    assert.equal(cli.output().match(/cannot write the history file/g)?.length, 1, 'said once');
    cli.child.kill('SIGKILL');
    await cli.closed;
    const text = readFileSync(history, 'utf8');
    assert.ok(text.endsWith('\n'));
    const stored = text.split('\n').filter((line) => line !== '').map((line) => (JSON.parse(line) as { record: { uuid: string } }).record.uuid);
    assert.deepEqual(stored, acknowledged, 'exactly the acknowledged requests, each on its own line');
    const opened = await openFileStore(history);
    assert.ok(opened.ok);
    assert.equal(opened.report.invalid, 0);
    await opened.store.close();
    console.log(`      ${acknowledged.length} stored and answered 200, ${statuses.filter((status) => status === 503).length} answered 503 while the disk was full`);
  });
});
