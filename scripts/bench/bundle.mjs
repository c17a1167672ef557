// Bundles part of src/ the way the extension and the CLI ship it (esbuild, minified), so the
// benchmarks measure the shipped code. Not a benchmark itself (scripts/bench/all.mjs skips it).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { commonBundleOptions, REPO } from '../shippedBundles.mjs';

export { measureShippedBundles } from '../shippedBundles.mjs';
export { REPO };

/** Bundles the given export lines into .bench/<name>.cjs and returns the bundle's path. */
export async function bundleForBench(name, exportLines) {
  const outfile = join(REPO, '.bench', `${name}.cjs`);
  await esbuild.build({
    ...commonBundleOptions({ production: true }),
    stdin: { contents: exportLines.join('\n'), resolveDir: REPO, loader: 'ts' },
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Bundles and loads it. */
export async function loadForBench(name, exportLines) {
  return createRequire(import.meta.url)(await bundleForBench(name, exportLines));
}
