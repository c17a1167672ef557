import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileStore } from '../../../src/core/store';
import { postalBody } from '../helpers/bodies';
import { runCli, startCli } from '../helpers/cliProcess';
import { postLikePostal } from '../helpers/listenerHarness';

/** The highest resident memory a process had so far, in MB (Linux); undefined elsewhere. */
function peakRssMb(pid: number | undefined): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? undefined : Math.round(Number(match[1]) / 1024);
  } catch {
    return undefined;
  }
}

function uuidsIn(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { record?: { uuid?: string } }).record?.uuid ?? '');
}

describe('postal-webhooks listen --history', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'postal-cli-history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second listener on the same history with exit 2, naming the one that writes it', async function () {
    this.timeout(20_000);
    const history = join(dir, 'history.jsonl');
    const first = await startCli(['--history', history]);
    try {
      const second = await runCli(['listen', '--port', '0', '--history', history]);
      assert.equal(second.code, 2);
      assert.match(second.stderr, new RegExp(`The history file .*history\\.jsonl is in use by postal-webhooks listen \\(process ${first.child.pid}, since \\d\\d:\\d\\d:\\d\\d\\)\\. Stop it, or give this listener another --history file\\.`));
      assert.equal((await postLikePostal(first.url, postalBody('1e1e1e1e-0000-4000-8000-000000000001'))).status, 200);
    } finally {
      first.child.kill('SIGTERM');
      assert.equal(await first.closed, 0);
    }
    assert.deepEqual(uuidsIn(history), ['1e1e1e1e-0000-4000-8000-000000000001'], 'the first listener kept writing; nothing of the second is there');
  });

  it('exits 2 at once with the reason when the history cannot be created or written', async function () {
    this.timeout(20_000);
    const underProc = await runCli(['listen', '--port', '0', '--history', '/proc/no-such-process/history.jsonl']);
    assert.equal(underProc.code, 2);
    assert.match(underProc.stderr, /postal-webhooks listen: Cannot use the history file \/proc\/no-such-process\/history\.jsonl: the folder cannot be created or is not a folder .*: choose another file\./);
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const underFile = await runCli(['listen', '--port', '0', '--history', join(blocker, 'history.jsonl')]);
    assert.equal(underFile.code, 2);
    assert.match(underFile.stderr, /not a folder: .*a-file/);
    console.log(`      exited after ${underProc.ms} ms and ${underFile.ms} ms (process start included)`);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops on ${signal} with a request in progress: answers it, keeps it, exits 0`, async function () {
      this.timeout(20_000);
      const history = join(dir, 'history.jsonl');
      // Each answer waits 30 s (a slow-answer test mode); stopping cuts that short.
      const cli = await startCli(['--history', history, '--respond', '200:30000']);
      const answer = postLikePostal(cli.url, postalBody('5e5e5e5e-0000-4000-8000-000000000001'));
      while (!readFileSync(history, 'utf8').includes('5e5e5e5e')) await new Promise((resolve) => setTimeout(resolve, 10));
      const stopping = Date.now();
      cli.child.kill(signal);
      assert.equal(await cli.closed, 0, cli.output());
      const stoppedMs = Date.now() - stopping;
      assert.equal((await answer).status, 200);
      assert.match(cli.output(), /Stopped\.\n$/);
      assert.deepEqual(uuidsIn(history), ['5e5e5e5e-0000-4000-8000-000000000001']);
      console.log(`      stopped ${stoppedMs} ms after ${signal}`);
    });
  }

  it('creates the history owner-only, in an owner-only folder', async function () {
    if (process.platform === 'win32') this.skip();
    const history = join(dir, 'new', 'folder', 'history.jsonl');
    const cli = await startCli(['--history', history]);
    cli.child.kill('SIGTERM');
    await cli.closed;
    assert.equal(statSync(history).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'new')).mode & 0o777, 0o700);
    assert.equal(statSync(join(dir, 'new', 'folder')).mode & 0o777, 0o700);
  });

  it('keeps a flood of 1 MB requests within --max-history-mb, in bounded memory, and starts again on that history', async function () {
    this.timeout(120_000);
    const history = join(dir, 'history.jsonl');
    const limitMb = 20;
    const cli = await startCli(['--history', history, '--max-history-mb', String(limitMb), '--json']);
    // Just under the listener's 1 MB body cap.
    const padding = 'p'.repeat(1000 * 1024);
    let largest = 0;
    const statuses: number[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const requests = Array.from({ length: 16 }, (_, index) => {
        const envelope = JSON.parse(postalBody(`f100d${String(batch).padStart(3, '0')}-0000-4000-8000-${String(index).padStart(12, '0')}`)) as Record<string, unknown>;
        return postLikePostal(cli.url, JSON.stringify({ ...envelope, padding }));
      });
      for (const response of await Promise.all(requests)) statuses.push(response.status);
      largest = Math.max(largest, statSync(history).size);
    }
    const peakRss = peakRssMb(cli.child.pid);
    cli.child.kill('SIGTERM');
    assert.equal(await cli.closed, 0);
    assert.ok(statuses.every((status) => status === 200), `answers: ${[...new Set(statuses)].join(', ')}`);
    assert.ok(largest <= 1.5 * limitMb * 1024 * 1024, `the file reached ${largest} bytes`);
    if (peakRss !== undefined) assert.ok(peakRss < 400, `the listener peaked at ${peakRss} MB`);
    const again = await startCli(['--history', history, '--max-history-mb', String(limitMb)]);
    again.child.kill('SIGTERM');
    assert.equal(await again.closed, 0);
    const opened = await openFileStore(history, { maxBytes: limitMb * 1024 * 1024 });
    assert.ok(opened.ok);
    assert.ok(opened.store.size >= 15 && opened.store.bytes <= limitMb * 1024 * 1024, `${opened.store.size} records, ${opened.store.bytes} bytes`);
    assert.match(opened.store.list()[0].uuid ?? '', /^f100d009-/);
    await opened.store.close();
    console.log(`      160 x 1 MB: file at most ${(largest / 1024 / 1024).toFixed(1)} MB (limit ${limitMb} MB), listener peak RSS ${peakRss ?? '?'} MB`);
  });
});
