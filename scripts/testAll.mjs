#!/usr/bin/env node
// Everything CI checks, in order, with the time each step took:
// the main suite on the oldest VS Code we support, the same integration suite on the newest,
// the packaged .vsix, the workbench `npm start` opens, and proof that a failing integration
// test turns `npm test` red.
import { spawnSync } from 'node:child_process';

const STEPS = [
  ['npm test (typecheck, lint, unit, integration in VS Code 1.100)', 'npm', ['test']],
  ['integration in VS Code 1.139', 'npm', ['run', 'test:latest']],
  ['package: .vsix contents, install and activation', 'npm', ['run', 'test:package']],
  ['npm start: a normal workbench with the extension, its listener and dialogs', 'npm', ['run', 'test:serve']],
  ['a failing integration test turns npm test red', 'node', ['scripts/proveRed.mjs']],
];

const timings = [];
for (const [name, command, args] of STEPS) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  timings.push(`${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s  ${name}`);
  if (result.status !== 0) {
    console.log(`\n${timings.join('\n')}\nFAILED: ${name} (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n${timings.join('\n')}\nall passed`);
