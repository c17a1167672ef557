#!/usr/bin/env node
// Writes the TextMate grammars in syntaxes/ from src/core/syntaxes (event names come from the
// event model). Run through `npm run generate:grammars`, which compiles src/ to out/ first.
// A unit test regenerates them in memory and fails when a committed file differs.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(repo, 'out/src/core/syntaxes/index.js');
if (!existsSync(compiled)) {
  console.error(`${compiled} is missing: run \`npm run generate:grammars\`, which compiles src/ first.`);
  process.exit(1);
}
const syntaxes = createRequire(import.meta.url)(compiled);
for (const [file, build] of [
  [syntaxes.JSON_INJECTION_FILE, syntaxes.buildJsonInjectionGrammar],
  [syntaxes.LOG_INJECTION_FILE, syntaxes.buildLogInjectionGrammar],
]) {
  const target = join(repo, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, syntaxes.renderGrammar(build()));
  console.log(`wrote ${file}`);
}
