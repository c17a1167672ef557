#!/usr/bin/env node
// Runs the integration suite in desktop VS Code, downloaded by @vscode/test-electron. Needs a
// machine that can reach update.code.visualstudio.com; offline machines use run.mjs instead.
//   node scripts/vscode/testDesktop.mjs [--version 1.100.3|stable|insiders]
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { REPO } from './codeServer.mjs';

const { values } = parseArgs({ options: { version: { type: 'string', default: '1.100.3' } } });
const workspace = join(mkdtempSync(join(tmpdir(), 'pw-desktop-')), 'workspace');
cpSync(join(REPO, 'test/workspace'), workspace, { recursive: true });

try {
  await runTests({
    version: values.version,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(REPO, 'out/test/integration/index.js'),
    extensionTestsEnv: { POSTAL_WEBHOOKS_TEST: '1' },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`Integration tests failed in desktop VS Code ${values.version}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
