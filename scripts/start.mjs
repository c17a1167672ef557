#!/usr/bin/env node
// `npm start`: a real VS Code with the extension installed and a sample workspace, for trying it
// out: a normal workbench (dialogs and prompts work). The sample workspace is
// .vscode-test/playground, copied from test/workspace once and kept between runs.
//   npm start                      VS Code (web) served on http://127.0.0.1:8765; open the printed URL
//   npm start -- --port 9000       another port;  --host 0.0.0.0 to reach it from another machine
//   npm start -- --vscode latest   the newest VS Code we test against
//   npm start -- --desktop         an installed desktop `code` instead
import { spawn } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (args.includes('--desktop')) {
  // A copy of the sample workspace, so trying things out never edits the test fixture.
  const workspace = join(repo, '.vscode-test', 'playground');
  if (!existsSync(workspace)) cpSync(join(repo, 'test/workspace'), workspace, { recursive: true });
  const code = spawn('code', [`--extensionDevelopmentPath=${repo}`, workspace], { stdio: 'inherit' });
  code.on('error', () => {
    console.error('Could not run `code`. Install VS Code and its `code` command (Command Palette: "Shell Command: Install \'code\' command in PATH"), or run `npm start` without --desktop.');
    process.exit(1);
  });
  code.on('exit', (status) => process.exit(status ?? 0));
} else {
  const web = spawn(process.execPath, [join(repo, 'scripts/vscode/run.mjs'), 'serve', ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (status) => process.exit(status ?? 0));
}
