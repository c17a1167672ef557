import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli } from '../../src/cli/main';

const REPO = join(__dirname, '../../..');
const FIXTURES = join(REPO, 'test/fixtures/lint');

/** Runs `postal-webhooks lint …args` in this process, from the folder `cwd`. */
async function lint(args: string[], cwd = FIXTURES): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(['lint', ...args], { out: (text) => out.push(text), err: (text) => err.push(text), color: false, cwd });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

interface JsonReport {
  files: { path: string; diagnostics: { rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
}

async function linted(args: string[], cwd = FIXTURES): Promise<string[]> {
  const result = await lint(['--format', 'json', ...args], cwd);
  return (JSON.parse(result.stdout) as JsonReport).files.map((file) => file.path);
}

describe('postal-webhooks lint', () => {
  it('exits 0 and says so for a clean file', async () => {
    const result = await lint(['clean.postal.json']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), 'No problems in 1 file.');
  });

  it('prints file:line:col severity rule message, 1-based, and exits 1 on errors', async () => {
    const result = await lint(['broken.postal.json']);
    assert.equal(result.status, 1);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines[0], 'broken.postal.json:2:12 error postal/unknown-event "MessageDelivered" is not an event Postal sends. Did you mean MessageSent?');
    assert.match(lines[1], /^broken\.postal\.json:22:17 error postal\/json-syntax Trailing comma/);
    assert.equal(lines[lines.length - 1], '2 problems (2 errors) in 1 of 1 file.');
  });

  it('lints an inbound e-mail payload file with the inbound rules', async () => {
    const inbound = join(REPO, 'test/workspace/inbound');
    const result = await lint(['support.postal.json', '--format', 'json'], inbound);
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(report.files[0].diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.line]), [
      ['postal/inbound-message-id', 7],
      ['postal/inbound-types', 9],
      ['postal/inbound-types', 12],
    ]);
    assert.equal((await lint(['raw.postal.json'], inbound)).status, 0);
  });

  it('searches folders for *.postal.json(l) and Postal bodies in other .json files, linting JSONL line by line', async () => {
    const result = await lint(['--format', 'json', '.']);
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(report.files.map((file) => file.path), ['broken.postal.json', 'clean.postal.json', 'events.postal.jsonl', 'nested/deeper/captured.json', 'nested/warning.postal.json']);
    assert.deepEqual(report.files[2].diagnostics.map((d) => [d.rule, d.line, d.column]), [['postal/timestamp-milliseconds', 4, 39]]);
    assert.equal(report.files[3].diagnostics[0].rule, 'postal/dns-status-error');
  });

  it('writes exactly the documented JSON shape', async () => {
    const report = JSON.parse((await lint(['--format', 'json', 'nested/warning.postal.json'])).stdout) as JsonReport;
    assert.deepEqual(Object.keys(report), ['files']);
    assert.deepEqual(Object.keys(report.files[0]), ['path', 'diagnostics']);
    const [diagnostic] = report.files[0].diagnostics;
    assert.deepEqual(Object.keys(diagnostic), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
    assert.deepEqual([diagnostic.rule, diagnostic.severity, diagnostic.endLine, diagnostic.endColumn - diagnostic.column], ['postal/unknown-key', 'warning', diagnostic.line, '"campaign"'.length]);
  });

  it('allows warnings, unless there are more than --max-warnings', async () => {
    assert.equal((await lint(['nested/warning.postal.json'])).status, 0);
    assert.equal((await lint(['--max-warnings', '1', 'nested/warning.postal.json'])).status, 0);
    const over = await lint(['--max-warnings', '0', 'nested/warning.postal.json']);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /more than --max-warnings 0/);
  });

  it('changes severities with --rule', async () => {
    assert.equal((await lint(['--rule', 'postal/unknown-event=warning', '--rule', 'postal/json-syntax=off', 'broken.postal.json'])).status, 0);
    assert.equal((await lint(['--rule', 'postal/unknown-key=error', 'nested/warning.postal.json'])).status, 1);
  });

  it('lints, from a glob, *.postal.json files and other .json files only when they hold a Postal body', async () => {
    assert.deepEqual(await linted(['nested/**/*.json']), ['nested/deeper/captured.json', 'nested/warning.postal.json']);
    assert.deepEqual(await linted(['--include-json', 'nested']), ['nested/deeper/captured.json', 'nested/warning.postal.json']);
    // A file named on the command line is linted whatever it holds.
    const named = await lint(['--format', 'json', 'nested/deeper/unrelated.json']);
    assert.deepEqual((JSON.parse(named.stdout) as JsonReport).files.map((file) => file.path), ['nested/deeper/unrelated.json']);
  });

  it('resolves absolute and ../ paths, files, folders and globs, from the working folder', async () => {
    const nested = join(FIXTURES, 'nested');
    assert.deepEqual(await linted([join(FIXTURES, 'clean.postal.json')], nested), [join(FIXTURES, 'clean.postal.json')]);
    assert.deepEqual(await linted([join(FIXTURES, 'nested')], FIXTURES), ['nested/deeper/captured.json', 'nested/warning.postal.json']);
    assert.deepEqual(await linted([`${FIXTURES}/*.postal.json`], nested), [join(FIXTURES, 'broken.postal.json'), join(FIXTURES, 'clean.postal.json')]);
    assert.deepEqual(await linted(['../*.postal.jsonl'], nested), [join(FIXTURES, 'events.postal.jsonl')]);
    assert.deepEqual(await linted(['../clean.postal.json'], nested), [join(FIXTURES, 'clean.postal.json')]);
    assert.deepEqual(await linted(['deeper/../warning.postal.json'], nested), ['warning.postal.json']);
  });

  describe('with files of its own', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'postal-lint-'));
    });
    afterEach(() => {
      chmodSync(dir, 0o700);
      rmSync(dir, { recursive: true, force: true });
    });

    it('takes a name that exists for itself, even with glob characters in it', async () => {
      copyFileSync(join(FIXTURES, 'clean.postal.json'), join(dir, 'a[1].postal.json'));
      copyFileSync(join(FIXTURES, 'broken.postal.json'), join(dir, 'a1.postal.json'));
      const result = await lint(['a[1].postal.json'], dir);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.equal(result.stdout.trim(), 'No problems in 1 file.');
    });

    it('exits 2 when a folder or a glob finds no payload file, instead of passing on a typo', async () => {
      mkdirSync(join(dir, 'test/fixtures'), { recursive: true });
      writeFileSync(join(dir, 'test/package.json'), '{"name": "app", "version": "1.0.0"}');
      const empty = await lint(['test'], dir);
      assert.equal(empty.status, 2);
      assert.match(empty.stderr, /^postal-webhooks lint: test: no Postal payload file found/);
      assert.doesNotMatch(empty.stdout, /No problems/, 'nothing linted is not a pass');
      const glob = await lint(['test/**/*.json'], dir);
      assert.equal(glob.status, 2);
      assert.match(glob.stderr, /test\/\*\*\/\*\.json: no Postal payload file found/);
      const typo = await lint(['tset/**/*.postal.json'], dir);
      assert.equal(typo.status, 2);
      // One bad argument among good ones still fails the run.
      cpSync(join(FIXTURES, 'clean.postal.json'), join(dir, 'test/fixtures/clean.postal.json'));
      const mixed = await lint(['test/fixtures', 'test/fixture/*.json'], dir);
      assert.equal(mixed.status, 2);
      assert.match(mixed.stdout, /No problems in 1 file\./);
      assert.match(mixed.stderr, /test\/fixture\/\*\.json: no Postal payload file found/);
    });

    it('answers a pathological pattern at once, with what to write instead', async () => {
      writeFileSync(join(dir, `${'a'.repeat(200)}.json`), '{}');
      const started = performance.now();
      const result = await lint(['*a*a*a*a*a*a*a*a*a*a*b'], dir);
      assert.ok(performance.now() - started < 5000, 'the pattern took seconds');
      assert.equal(result.status, 2);
      assert.match(result.stderr, /has 11 \* in one name/);
    });

    it('reports a folder it cannot read and exits 2, instead of skipping it', function () {
      // Root reads any folder, so the run is made as an ordinary user when the tests run as root.
      const asRoot = process.getuid?.() === 0;
      if (process.platform === 'win32') this.skip();
      chmodSync(dir, 0o755);
      mkdirSync(join(dir, 'fixtures/locked'), { recursive: true });
      copyFileSync(join(FIXTURES, 'clean.postal.json'), join(dir, 'fixtures/clean.postal.json'));
      chmodSync(join(dir, 'fixtures'), 0o755);
      chmodSync(join(dir, 'fixtures/clean.postal.json'), 0o644);
      chmodSync(join(dir, 'fixtures/locked'), 0o000);
      try {
        const result = spawnSync(process.execPath, [join(REPO, 'dist/cli.mjs'), 'lint', 'fixtures'], { cwd: dir, encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
        assert.equal(result.status, 2, result.stdout + result.stderr);
        assert.match(result.stderr, /cannot read the folder fixtures\/locked\/?: permission denied/);
        assert.match(result.stdout, /No problems in 1 file\./);
        assert.equal(relative(dir, join(dir, 'fixtures')), 'fixtures');
      } finally {
        chmodSync(join(dir, 'fixtures/locked'), 0o755);
      }
    });
  });

  it('exits 2 with a message for a missing file or a bad option', async () => {
    const missing = await lint(['nope.postal.json']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.postal\.json: no such file or folder/);
    assert.equal(missing.stdout, '', 'no summary beside a file that could not be read');
    const badRule = await lint(['--rule', 'postal/nope=off', 'clean.postal.json']);
    assert.equal(badRule.status, 2);
    assert.match(badRule.stderr, /unknown rule postal\/nope/);
    assert.equal((await lint(['--format', 'xml', 'clean.postal.json'])).status, 2);
    assert.equal((await lint(['--bogus'])).status, 2);
  });

  it('lists the rules in its help', async () => {
    const help = await lint(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /postal\/status-mismatch\s+error/);
  });
});
