#!/usr/bin/env node
// Runs every benchmark in scripts/bench/ one after another (each in its own Node process, so
// one cannot warm up or slow down another) and fails if any of them fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here).filter((file) => file.endsWith('.mjs') && !['all.mjs', 'bundle.mjs'].includes(file)).sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n=== ${script} ===`);
  const { status } = spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`${script} failed (exit ${status})`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
