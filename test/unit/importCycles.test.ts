import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

const SRC = join(__dirname, '../../../src');

/** Every module of `src` with the modules of `src` it imports (type-only imports too: they tie modules together as well). */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const path = join(SRC, file);
    const imports = ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles.map((entry) => entry.fileName);
    const local = imports.filter((name) => name.startsWith('.')).map((name) => resolveModule(dirname(path), name));
    graph.set(relative(SRC, path), local.filter((target): target is string => target !== undefined).map((target) => relative(SRC, target)));
  }
  return graph;
}

/** `./send` and `./send.js` (how `import()` of a module that is bundled into a chunk names it) alike. */
function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(from, specifier.replace(/\.js$/, ''));
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** The import cycles in `graph`, each as the chain of modules that leads back to its start. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (module: string, path: string[]): void => {
    const start = path.indexOf(module);
    if (start !== -1) {
      found.push([...path.slice(start), module]);
      return;
    }
    if (done.has(module)) return;
    for (const next of graph.get(module) ?? []) visit(next, [...path, module]);
    done.add(module);
  };
  for (const module of graph.keys()) visit(module, []);
  return found;
}

describe('module structure', () => {
  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['cli/main.ts', ['cli/send.ts']],
      ['cli/send.ts', ['cli/io.ts', 'cli/main.ts']],
      ['cli/io.ts', []],
    ]);
    assert.deepEqual(cycles(graph), [['cli/main.ts', 'cli/send.ts', 'cli/main.ts']]);
  });

  it('has no import cycle anywhere in src (the CLI\'s commands, for one, do not import its entry)', () => {
    const graph = importGraph();
    assert.ok(graph.get('cli/main.ts')?.includes('cli/send.ts'), 'the import graph was not read');
    assert.deepEqual(cycles(graph).map((cycle) => cycle.join(' → ')), []);
  });
});
