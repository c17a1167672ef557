// The two bundles we ship (the extension and the CLI) and how esbuild builds them: one place
// for esbuild.mjs, which writes them, the benchmarks, which bundle code the same way, and the
// unit test that keeps each production bundle within its size budget.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { oneStartChunk } from './startChunkPlugin.mjs';

export const REPO = join(import.meta.dirname, '..');

/** Each production bundle must stay at or below this many bytes (250 KiB). */
export const BUNDLE_BUDGET_BYTES = 250 * 1024;

export const SHIPPED_BUNDLES = [
  {
    name: 'extension',
    // An ES module (VS Code 1.100+ loads `.mjs` extensions natively), split into chunks: code
    // reached through `await import(…)` loads when first used, not when the extension activates;
    // what it loads at activation stays in a few files (see startChunkPlugin.mjs).
    entry: {
      entryPoints: ['src/extension.ts'],
      outdir: 'dist',
      format: 'esm',
      splitting: true,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      external: ['vscode'],
      plugins: [oneStartChunk({ repo: REPO, entryPoint: 'src/extension.ts' })],
    },
  },
  {
    name: 'cli',
    // Split the same way: each command's code loads when that command runs, so `lint` never
    // parses the listener and `--help` parses neither. Its chunks stay out of the .vsix's folder.
    // What one command loads (start plus that command) is held to the budget too.
    eachCommandWithinBudget: true,
    entry: { entryPoints: ['src/cli.ts'], outdir: 'dist', format: 'esm', splitting: true, outExtension: { '.js': '.mjs' }, chunkNames: 'cli-chunks/[name]-[hash]', banner: { js: '#!/usr/bin/env node' } },
  },
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
 * Builds every shipped bundle for production in memory and reports what each one loads when it
 * starts (its entry file and the chunks that file imports statically, counted against the
 * budget), what it loads later (chunks reached only through `import()`), and the inputs that
 * weigh most in what it loads at start (bytes each contributes, from esbuild's metafile).
 */
export async function measureShippedBundles({ topInputs = 10 } = {}) {
  return Promise.all(SHIPPED_BUNDLES.map(async (bundle) => {
    const result = await esbuild.build({ ...shippedBundleOptions(bundle, { production: true }), write: false, metafile: true, logLevel: 'warning' });
    const outputs = result.metafile.outputs;
    const code = Object.keys(outputs).filter((path) => !path.endsWith('.map'));
    // Targets of `import()` are entry points to esbuild too: the bundle's own is the first named.
    const entry = code.find((path) => outputs[path].entryPoint === bundle.entry.entryPoints[0]);
    const atStart = staticClosure(outputs, entry);
    const sum = (paths) => paths.reduce((total, path) => total + outputs[path].bytes, 0);
    const inputs = [...atStart]
      .flatMap((path) => Object.entries(outputs[path].inputs))
      .map(([path, { bytesInOutput }]) => ({ path: relative(REPO, join(REPO, path)), bytes: bytesInOutput }))
      .filter((input) => input.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes);
    const lazy = code.filter((path) => !atStart.has(path)).map((path) => ({ file: relative(REPO, join(REPO, path)), bytes: outputs[path].bytes }));
    const commands = bundle.eachCommandWithinBudget ? commandLoads(outputs, atStart, sum) : [];
    return {
      name: bundle.name,
      outfile: relative(REPO, join(REPO, entry)),
      bytes: sum([...atStart]),
      files: atStart.size,
      budget: BUNDLE_BUDGET_BYTES,
      inputs: inputs.slice(0, topInputs),
      inputCount: inputs.length,
      lazy,
      commands,
    };
  }));
}

/**
 * For each module the start code imports on demand (a CLI command), what running it loads: the
 * start code plus that module and everything it imports statically.
 */
function commandLoads(outputs, atStart, sum) {
  const targets = new Set([...atStart].flatMap((path) => outputs[path].imports.filter((imported) => imported.kind === 'dynamic-import' && !imported.external).map((imported) => imported.path)));
  return [...targets].map((target) => {
    const loaded = new Set([...atStart, ...staticClosure(outputs, target)]);
    return { source: outputs[target].entryPoint ?? target, file: relative(REPO, join(REPO, target)), bytes: sum([...loaded]) };
  });
}

/** The output file and every chunk it imports statically, directly or not: what loads with it. */
function staticClosure(outputs, entry) {
  const seen = new Set([entry]);
  for (const path of seen) {
    for (const imported of outputs[path].imports) {
      if (imported.kind === 'import-statement' && !imported.external) seen.add(imported.path);
    }
  }
  return seen;
}
