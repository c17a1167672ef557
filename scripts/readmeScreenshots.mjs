#!/usr/bin/env node
// Retakes the README's pictures in media/screenshots/ from a real VS Code (the screenshot
// scenarios in test/screenshots/, dark theme). Run with `npm run screenshot:readme`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The shots the README shows, by scenario shot name. */
const README_SHOTS = ['overview', 'explorer-tooltip', 'inspector', 'lint-quickfix', 'replay-insert-event', 'replay-response-retry', 'explorer-welcome', 'walkthrough', 'inbound-lint-quickfix', 'mail-preview'];

const shots = mkdtempSync(join(tmpdir(), 'pw-readme-'));
const run = spawnSync(process.execPath, [join(repo, 'scripts/vscode/run.mjs'), 'screenshot', '--theme', 'dark', '--out', shots], { stdio: 'inherit', cwd: repo });
if (run.status !== 0) process.exit(run.status ?? 1);
const target = join(repo, 'media/screenshots');
mkdirSync(target, { recursive: true });
for (const name of README_SHOTS) {
  copyFileSync(join(shots, `${name}-dark.png`), join(target, `${name}.png`));
  console.log(`media/screenshots/${name}.png`);
}
