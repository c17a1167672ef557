#!/usr/bin/env node
// Writes schemas/postal-webhook.schema.json from the zod event schemas in src/core/events, and
// schemas/postal-webhook.editor.schema.json, the same without checks, which the editor gets.
// Run through `npm run generate:schema`, which first compiles src/ to out/ with esbuild.
// A unit test regenerates the schema in memory and fails when the committed file differs.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = join(repo, 'out/src/core/events/jsonSchemaFiles.js');
if (!existsSync(compiled)) {
  console.error(`${compiled} is missing: run \`npm run generate:schema\`, which compiles src/ first.`);
  process.exit(1);
}
const { EDITOR_SCHEMA_FILE, JSON_SCHEMA_FILE, renderEditorSchema, renderJsonSchema } = require(compiled);

for (const [file, render] of [[JSON_SCHEMA_FILE, renderJsonSchema], [EDITOR_SCHEMA_FILE, renderEditorSchema]]) {
  const target = join(repo, file);
  mkdirSync(dirname(target), { recursive: true });
  const text = render();
  writeFileSync(target, text);
  console.log(`wrote ${file} (${text.length} bytes)`);
}
