import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './helpers/fixtures';

interface MeasuredBundle {
  name: string;
  outfile: string;
  bytes: number;
  budget: number;
  inputs: { path: string; bytes: number }[];
}

interface ShippedBundles {
  BUNDLE_BUDGET_BYTES: number;
  measureShippedBundles(options?: { topInputs?: number }): Promise<MeasuredBundle[]>;
}

/** The build script's own module, so the test measures exactly what `npm run build:production` writes. */
function shippedBundles(): Promise<ShippedBundles> {
  return import(pathToFileURL(join(REPO_ROOT, 'scripts/shippedBundles.mjs')).href) as Promise<ShippedBundles>;
}

describe('production bundle budget', function () {
  this.timeout(120_000);
  let bundles: MeasuredBundle[];

  before(async () => {
    bundles = await (await shippedBundles()).measureShippedBundles({ topInputs: 10 });
  });

  it('builds the extension and the CLI from their entry points', () => {
    assert.deepEqual(bundles.map((bundle) => [bundle.name, bundle.outfile]), [['extension', 'dist/extension.js'], ['cli', 'dist/cli.js']]);
    for (const bundle of bundles) assert.ok(bundle.inputs.some((input) => input.path.startsWith('src/')), `${bundle.outfile} holds none of our code`);
  });

  it('keeps each production bundle at or below 250 KiB (256,000 bytes)', async () => {
    assert.equal((await shippedBundles()).BUNDLE_BUDGET_BYTES, 250 * 1024);
    for (const bundle of bundles) {
      const heaviest = bundle.inputs.map((input) => `  ${input.bytes} ${input.path}`).join('\n');
      assert.ok(bundle.bytes <= bundle.budget, `${bundle.outfile} is ${bundle.bytes} bytes, over its ${bundle.budget}-byte budget. Heaviest inputs:\n${heaviest}\n(npm run bench:bundle shows the same)`);
    }
  });
});
