// Writes the snippet files under snippets/ and the payload types under types/ from their sources (the event catalog in src/core/events
// and the handler templates in scripts/snippets/handlers/). `--check` writes nothing and exits 1
// when a committed file differs from what would be generated.
//   npm run generate:snippets            regenerate
//   node scripts/generateSnippets.mjs --check
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const check = process.argv.includes('--check');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const { outputFiles } = await esbuild.build({
  entryPoints: [join(root, 'src/core/snippets/snippetFiles.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // jsonc-parser's UMD entry requires its parts dynamically, which a bundle cannot follow.
  mainFields: ['module', 'main'],
  write: false,
  define: { POSTAL_WEBHOOKS_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const files = [...module.exports.generatedSnippetFiles((path) => readFileSync(join(root, path), 'utf8')), ...module.exports.generatedTypeFiles()];

const read = (path) => { try { return readFileSync(join(root, path), 'utf8'); } catch { return undefined; } };
const stale = files.filter((file) => read(file.path) !== file.content);
if (check) {
  for (const file of stale) console.error(`${file.path} is out of date: run npm run generate:snippets`);
  process.exit(stale.length > 0 ? 1 : 0);
}
for (const file of stale) {
  mkdirSync(dirname(join(root, file.path)), { recursive: true });
  writeFileSync(join(root, file.path), file.content);
  console.log(`wrote ${file.path}`);
}
if (stale.length === 0) console.log('snippets and types are up to date');
