#!/usr/bin/env node
// Builds the production bundles and packages them into a .vsix with @vscode/vsce.
//   node scripts/package.mjs [--out FILE]
// The bundles include every runtime dependency, so the package carries no node_modules.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const { values } = parseArgs({ options: { out: { type: 'string', default: `${name}-${version}.vsix` } } });
const out = resolve(values.out);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['esbuild.mjs', '--production']);
run(process.execPath, [join(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out]);
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(1)} KiB`);
