import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '../../..');
const FIXTURES = join(REPO, 'test/fixtures/lint');
const CLI = join(REPO, 'dist/cli.js');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runIn(FIXTURES, ...args);
}

function runIn(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  files: { path: string; diagnostics: { rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
}

describe('postal-webhooks lint (dist/cli.js)', () => {
  it('exits 0 and says so for a clean file', () => {
    const result = run('clean.postal.json');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), 'No problems in 1 file.');
  });

  it('prints file:line:col severity rule message, 1-based, and exits 1 on errors', () => {
    const result = run('broken.postal.json');
    assert.equal(result.status, 1);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines[0], 'broken.postal.json:2:12 error postal/unknown-event "MessageDelivered" is not an event Postal sends. Did you mean MessageSent?');
    assert.match(lines[1], /^broken\.postal\.json:22:17 error postal\/json-syntax Trailing comma/);
    assert.equal(lines[lines.length - 1], '2 problems (2 errors) in 1 of 1 file.');
  });

  it('lints an inbound e-mail payload file with the inbound rules', () => {
    const inbound = join(REPO, 'test/workspace/inbound');
    const result = runIn(inbound, 'support.postal.json', '--format', 'json');
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(report.files[0].diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.line]), [
      ['postal/inbound-message-id', 7],
      ['postal/inbound-types', 9],
      ['postal/inbound-types', 12],
    ]);
    assert.equal(runIn(inbound, 'raw.postal.json').status, 0);
  });

  it('searches folders for *.postal.json and *.postal.jsonl, linting JSONL line by line', () => {
    const result = run('--format', 'json', '.');
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(report.files.map((file) => file.path), ['broken.postal.json', 'clean.postal.json', 'events.postal.jsonl', 'nested/warning.postal.json']);
    const jsonl = report.files[2].diagnostics;
    assert.deepEqual(jsonl.map((d) => [d.rule, d.line, d.column]), [['postal/timestamp-milliseconds', 4, 39]]);
  });

  it('writes exactly the documented JSON shape', () => {
    const report = JSON.parse(run('--format', 'json', 'nested/warning.postal.json').stdout) as JsonReport;
    assert.deepEqual(Object.keys(report), ['files']);
    assert.deepEqual(Object.keys(report.files[0]), ['path', 'diagnostics']);
    const [diagnostic] = report.files[0].diagnostics;
    assert.deepEqual(Object.keys(diagnostic), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
    assert.deepEqual([diagnostic.rule, diagnostic.severity, diagnostic.endLine, diagnostic.endColumn - diagnostic.column], ['postal/unknown-key', 'warning', diagnostic.line, '"campaign"'.length]);
  });

  it('allows warnings, unless there are more than --max-warnings', () => {
    assert.equal(run('nested/warning.postal.json').status, 0);
    assert.equal(run('--max-warnings', '1', 'nested/warning.postal.json').status, 0);
    const over = run('--max-warnings', '0', 'nested/warning.postal.json');
    assert.equal(over.status, 1);
    assert.match(over.stderr, /more than --max-warnings 0/);
  });

  it('changes severities with --rule', () => {
    assert.equal(run('--rule', 'postal/unknown-event=warning', '--rule', 'postal/json-syntax=off', 'broken.postal.json').status, 0);
    assert.equal(run('--rule', 'postal/unknown-key=error', 'nested/warning.postal.json').status, 1);
  });

  it('expands globs and, with --include-json, lints plain .json files that are Postal bodies', () => {
    const globbed = JSON.parse(run('--format', 'json', 'nested/**/*.json').stdout) as JsonReport;
    assert.deepEqual(globbed.files.map((file) => file.path), ['nested/deeper/captured.json', 'nested/deeper/unrelated.json', 'nested/warning.postal.json']);
    const detected = JSON.parse(run('--format', 'json', '--include-json', 'nested').stdout) as JsonReport;
    assert.deepEqual(detected.files.map((file) => file.path), ['nested/deeper/captured.json', 'nested/warning.postal.json']);
    assert.equal(detected.files[0].diagnostics[0].rule, 'postal/dns-status-error');
  });

  it('exits 2 with a message for a missing file, a glob matching nothing or a bad option', () => {
    const missing = run('nope.postal.json');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.postal\.json: no such file or folder/);
    assert.equal(run('nothing/**/*.json').status, 2);
    const badRule = run('--rule', 'postal/nope=off', 'clean.postal.json');
    assert.equal(badRule.status, 2);
    assert.match(badRule.stderr, /unknown rule postal\/nope/);
    assert.equal(run('--format', 'xml', 'clean.postal.json').status, 2);
    assert.equal(run('--bogus').status, 2);
  });

  it('lists the rules in its help', () => {
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /postal\/status-mismatch\s+error/);
  });
});
