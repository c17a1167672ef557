#!/usr/bin/env node
// Runs the integration suite in desktop VS Code, downloaded by @vscode/test-electron. Needs a
// machine that can reach update.code.visualstudio.com; offline machines use run.mjs instead.
//   node scripts/vscode/testDesktop.mjs [--version 1.100.3|stable|insiders]
// Like run.mjs, it runs the follow-up suite a suite asks for (POSTAL_TEST_FOLLOW_UP) in a second
// VS Code session with the same user data, so the same workspace storage.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { REPO } from './codeServer.mjs';

const { values } = parseArgs({ options: { version: { type: 'string', default: '1.100.3' } } });
const stateDir = mkdtempSync(join(tmpdir(), 'pw-desktop-'));
const workspace = join(stateDir, 'workspace');
const followUp = join(stateDir, 'follow-up.json');
cpSync(join(REPO, 'test/workspace'), workspace, { recursive: true });

const session = (testsPath) =>
  runTests({
    version: values.version,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: testsPath,
    extensionTestsEnv: { POSTAL_WEBHOOKS_TEST: '1', POSTAL_TEST_FOLLOW_UP: followUp },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(stateDir, 'user-data')}`],
  });

try {
  await session(join(REPO, 'out/test/integration/index.js'));
  if (existsSync(followUp)) {
    const { tests } = JSON.parse(readFileSync(followUp, 'utf8'));
    rmSync(followUp);
    await session(resolve(tests));
  }
} catch (error) {
  console.error(`Integration tests failed in desktop VS Code ${values.version}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
