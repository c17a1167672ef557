// An esbuild plugin for the split extension bundle: keeps what loads at activation in a handful
// of files instead of dozens. VS Code's extension host resolves every ES module import of an
// extension through a loader hook, a round trip per file, so the number of files loaded at start
// costs as much as their size: 29 start files took ~57 ms to import under such a hook, the same
// code in 4 files ~35 ms.
//
// esbuild gives each set of entry points that share a module its own chunk; every `import()`
// target is an entry point, so the start code ends up cut by which lazy modules also use each
// piece. Making every lazily imported module of src/ import the extension's entry too puts all
// start code in the same set, hence in one chunk. At run time that import is free: the entry is
// loaded already (it is what imported the lazy module), and it only declares functions.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `entryPoint` (e.g. `src/extension.ts`) and `sourceRoot` are relative to `repo`. */
export function oneStartChunk({ repo, entryPoint, sourceRoot = 'src' }) {
  const entry = join(repo, entryPoint);
  const sources = join(repo, sourceRoot) + '/';
  return {
    name: 'one-start-chunk',
    setup(build) {
      const lazyModules = new Set();
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.resolving) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
        if (resolved.errors.length === 0 && resolved.path.startsWith(sources)) lazyModules.add(resolved.path);
        return resolved;
      });
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!lazyModules.has(args.path)) return undefined;
        const source = await readFile(args.path, 'utf8');
        return { contents: `${source}\nimport ${JSON.stringify(entry)};\n`, loader: 'ts' };
      });
    },
  };
}
