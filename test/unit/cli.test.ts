import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { captureIo } from './helpers/cliIo';

describe('postal-webhooks CLI', () => {
  it('prints help with --help and exits 0', async () => {
    const io = captureIo();
    assert.equal(await runCli(['--help'], io), 0);
    assert.match(io.stdout, /Usage: postal-webhooks <command>/);
  });

  it('exits 2 with a hint on an unknown command', async () => {
    const io = captureIo();
    assert.equal(await runCli(['frobnicate'], io), 2);
    assert.match(io.stderr, /unknown command 'frobnicate'/);
  });

  it('runs as the bundled dist/cli.mjs and prints its version', () => {
    const repo = join(__dirname, '../../..');
    const result = spawnSync(process.execPath, [join(repo, 'dist/cli.mjs'), '--version'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
    assert.equal(result.stdout.trim(), version);
  });
});
