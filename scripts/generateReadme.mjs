#!/usr/bin/env node
// Rewrites the settings tables in README.md from package.json and package.nls.json.
// Run through `npm run generate:readme`, which compiles test/ to out/ first; a unit test fails
// when the committed README differs from what this writes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(repo, 'out/test/unit/readme/settingsTable.js');
if (!existsSync(compiled)) {
  console.error(`${compiled} is missing: run \`npm run generate:readme\`, which compiles it first.`);
  process.exit(1);
}
const { withSettingsTables } = createRequire(import.meta.url)(compiled);
const file = join(repo, 'README.md');
writeFileSync(file, withSettingsTables(readFileSync(file, 'utf8')));
console.log('README.md: settings tables updated');
