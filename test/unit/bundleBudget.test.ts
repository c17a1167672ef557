import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './helpers/fixtures';

interface MeasuredBundle {
  name: string;
  /** The entry file. */
  outfile: string;
  /** What loads at start: the entry and the chunks it imports statically. */
  bytes: number;
  files: number;
  budget: number;
  inputs: { path: string; bytes: number }[];
  /** Chunks loaded only through `import()`, on first use. */
  lazy: { file: string; bytes: number }[];
  /** For the CLI, what running each command loads (start code plus that command's chunks). */
  commands: { source: string; bytes: number }[];
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
    bundles = await (await shippedBundles()).measureShippedBundles({ topInputs: Number.POSITIVE_INFINITY });
  });

  it('builds the extension and the CLI from their entry points', () => {
    assert.deepEqual(bundles.map((bundle) => [bundle.name, bundle.outfile]), [['extension', 'dist/extension.mjs'], ['cli', 'dist/cli.mjs']]);
    for (const bundle of bundles) assert.ok(bundle.inputs.some((input) => input.path.startsWith('src/')), `${bundle.outfile} holds none of our code`);
  });

  it('loads the linter in the editor only when a document needs it', () => {
    const extension = bundles.find((bundle) => bundle.name === 'extension');
    assert.ok(extension);
    assert.ok(!extension.inputs.some((input) => input.path.startsWith('src/core/lint/rules/')), 'no lint rule is loaded at start');
    assert.ok(extension.lazy.length > 0 && extension.lazy.every((chunk) => chunk.file.startsWith('dist/chunks/')), 'lazily loaded chunks go to dist/chunks/');
  });

  it('loads the extension\'s start code from a few files: VS Code resolves each one through a loader hook', () => {
    const extension = bundles.find((bundle) => bundle.name === 'extension');
    assert.ok(extension);
    assert.ok(extension.files <= 6, `dist/extension.mjs loads ${extension.files} files at start`);
    assert.ok(extension.lazy.length >= 10, 'what is not needed at start still loads on first use');
  });

  it('keeps what each production bundle loads at start at or below 250 KiB (256,000 bytes)', async () => {
    assert.equal((await shippedBundles()).BUNDLE_BUDGET_BYTES, 250 * 1024);
    for (const bundle of bundles) {
      const heaviest = bundle.inputs.slice(0, 10).map((input) => `  ${input.bytes} ${input.path}`).join('\n');
      assert.ok(bundle.bytes <= bundle.budget, `${bundle.outfile} is ${bundle.bytes} bytes, over its ${bundle.budget}-byte budget. Heaviest inputs:\n${heaviest}\n(npm run bench:bundle shows the same)`);
    }
  });

  it('loads only the command it runs in the CLI, each within the same budget', () => {
    const cli = bundles.find((bundle) => bundle.name === 'cli');
    assert.ok(cli);
    assert.deepEqual(cli.commands.map((command) => command.source).sort(), ['keygen', 'lint', 'listen', 'send', 'types'].map((name) => `src/cli/${name}.ts`));
    const commandCode = cli.inputs.filter((input) => input.path.startsWith('node_modules/') || cli.commands.some((command) => command.source === input.path));
    assert.deepEqual(commandCode, [], 'the CLI parses no command and no library before it knows the command');
    for (const command of cli.commands) {
      assert.ok(command.bytes <= cli.budget, `running ${command.source} loads ${command.bytes} bytes, over the ${cli.budget}-byte budget (npm run bench:bundle lists them)`);
    }
  });
});
