#!/usr/bin/env node
// Rewrites the generated parts of README.md: the settings tables (from package.json and
// package.nls.json) and the handler snippets with their essential lines (from the templates in
// scripts/snippets/handlers).
// Run through `npm run generate:readme`, which compiles test/ to out/ first; a unit test fails
// when the committed README differs from what this writes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = ['settingsTable.js', 'handlersSection.js'].map((name) => join(repo, 'out/test/unit/readme', name));
for (const path of compiled) {
  if (!existsSync(path)) {
    console.error(`${path} is missing: run \`npm run generate:readme\`, which compiles it first.`);
    process.exit(1);
  }
}
const require = createRequire(import.meta.url);
const { withSettingsTables } = require(compiled[0]);
const { withHandlersSection } = require(compiled[1]);
const file = join(repo, 'README.md');
writeFileSync(file, withHandlersSection(withSettingsTables(readFileSync(file, 'utf8'))));
console.log('README.md: settings tables and handler snippets updated');
