// Builds the extension (an ES module, split into chunks loaded on first use) and the CLI as
// bundles, and compiles tests file-by-file for mocha.
//   node esbuild.mjs               development bundles with source maps
//   node esbuild.mjs --production  minified bundles without source maps (what the .vsix ships)
//   node esbuild.mjs --watch       rebuild on change, reporting in the problem-matcher format
//   node esbuild.mjs --tests       src/ and test/ transpiled to out/ (no bundling) for mocha
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_BUNDLES, shippedBundleOptions, versionDefine } from './scripts/shippedBundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const define = versionDefine();

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

function typeScriptFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

async function compileTests() {
  // Tests deleted from test/ must not live on as stale files mocha would still run.
  rmSync('out', { recursive: true, force: true });
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
  // Chunk names carry a content hash: clear the old ones so only this build's ship.
  for (const folder of ['dist/chunks', 'dist/cli-chunks']) rmSync(folder, { recursive: true, force: true });
  const contexts = await Promise.all(
    SHIPPED_BUNDLES.map((bundle) => {
      const options = shippedBundleOptions(bundle, { production });
      return esbuild.context({
        ...options,
        logLevel: watch ? 'silent' : 'warning',
        plugins: [...(options.plugins ?? []), ...(watch ? [problemMatcherPlugin] : [])],
      });
    }),
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
