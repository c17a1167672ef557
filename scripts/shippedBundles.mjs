// The two bundles we ship (the extension and the CLI) and how esbuild builds them: one place
// for esbuild.mjs, which writes them, the benchmarks, which bundle code the same way, and the
// unit test that keeps each production bundle within its size budget.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const REPO = join(import.meta.dirname, '..');

/** Each production bundle must stay at or below this many bytes (250 KiB). */
export const BUNDLE_BUDGET_BYTES = 250 * 1024;

/**
 * Makes every `import * as vscode from 'vscode'` share one namespace object. Left alone, esbuild
 * gives each importing module its own copy of the API object (a getter per member, ~300 of
 * them, in ~40 modules), which costs several milliseconds of every activation.
 */
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js', resolveDir: REPO }));
  },
};

/**
 * tinyglobby's ES module (the CLI's glob expansion) reads `import.meta.url`, which a CommonJS
 * bundle does not have: the banner gives the bundle's own URL instead.
 */
const IMPORT_META_URL_SHIM = "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

export const SHIPPED_BUNDLES = [
  { name: 'extension', entry: { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [oneVscodeNamespace] } },
  { name: 'cli', entry: { entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${IMPORT_META_URL_SHIM}` }, define: { ...versionDefine(), 'import.meta.url': '__importMetaUrl' } } },
];

/** `POSTAL_WEBHOOKS_VERSION` in the code is package.json's version. */
export function versionDefine() {
  const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  return { POSTAL_WEBHOOKS_VERSION: JSON.stringify(version) };
}

/** esbuild options shared by every bundle of our code, shipped or benchmarked. */
export function commonBundleOptions({ production }) {
  return {
    absWorkingDir: REPO,
    bundle: true,
    // jsonc-parser's UMD entry requires its parts dynamically, which a bundle cannot follow.
    mainFields: ['module', 'main'],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: production,
    define: versionDefine(),
  };
}

/** The esbuild options of one shipped bundle. */
export function shippedBundleOptions({ entry }, { production }) {
  return { ...commonBundleOptions({ production }), ...entry, sourcemap: !production, sourcesContent: false };
}

/**
 * Builds every shipped bundle for production in memory and reports its size, its budget and
 * its largest inputs (bytes each contributes to the output, from esbuild's metafile).
 */
export async function measureShippedBundles({ topInputs = 10 } = {}) {
  return Promise.all(SHIPPED_BUNDLES.map(async (bundle) => {
    const result = await esbuild.build({ ...shippedBundleOptions(bundle, { production: true }), write: false, metafile: true, logLevel: 'warning' });
    const [outputPath, output] = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.js'));
    const inputs = Object.entries(output.inputs)
      .map(([path, { bytesInOutput }]) => ({ path: relative(REPO, join(REPO, path)), bytes: bytesInOutput }))
      .sort((a, b) => b.bytes - a.bytes);
    return { name: bundle.name, outfile: relative(REPO, join(REPO, outputPath)), bytes: output.bytes, budget: BUNDLE_BUDGET_BYTES, inputs: inputs.slice(0, topInputs), inputCount: inputs.length };
  }));
}
