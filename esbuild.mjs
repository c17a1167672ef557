// Builds the extension and the CLI as two bundles, and compiles tests file-by-file for mocha.
//   node esbuild.mjs               development bundles with source maps
//   node esbuild.mjs --production  minified bundles without source maps (what the .vsix ships)
//   node esbuild.mjs --watch       rebuild on change, reporting in the problem-matcher format
//   node esbuild.mjs --tests       src/ and test/ transpiled to out/ (no bundling) for mocha
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const define = { POSTAL_WEBHOOKS_VERSION: JSON.stringify(version) };

/** Prints errors the way the `$esbuild-watch` problem matcher expects, so F5 shows them. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const bundles = [
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

function typeScriptFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

async function compileTests() {
  await esbuild.build({
    entryPoints: [...typeScriptFiles('src'), ...typeScriptFiles('test')],
    outdir: 'out',
    outbase: '.',
    define,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function buildBundles() {
  const contexts = await Promise.all(
    bundles.map((options) =>
      esbuild.context({
        ...options,
        bundle: true,
        // jsonc-parser's UMD entry requires its parts dynamically, which a bundle cannot follow.
        mainFields: ['module', 'main'],
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        logLevel: watch ? 'silent' : 'warning',
        define,
        plugins: watch ? [problemMatcherPlugin] : [],
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}

if (tests) await compileTests();
else await buildBundles();
