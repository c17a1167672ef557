import { readdirSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { globProblem, isGlob, splitGlob } from '../core/glob';
import { type DocumentFormat } from '../core/lint';

/** Folders no one keeps payload fixtures in, and which can be huge. */
const SKIPPED = ['**/node_modules/**', '**/.git/**'];
const POSTAL_FILE = /\.postal\.jsonl?$/i;
const JSON_FILE = /\.json$/i;

export interface LintTarget {
  /** As shown to the user: relative to the working folder when the file is under it. */
  path: string;
  absolutePath: string;
  format: DocumentFormat;
  /** Found by a folder search or a glob and not named `*.postal.json(l)`: lint it only if it is a Postal body. */
  onlyIfPostal: boolean;
  /** The arguments (by index) that found it. */
  sources: number[];
}

export interface ResolvedTargets {
  targets: LintTarget[];
  /** Arguments that name nothing, patterns refused, folders that cannot be read: each is exit code 2. */
  problems: string[];
  /** The arguments (by index) already in `problems`. */
  failed: Set<number>;
  /** The arguments looked at (`.` when none were given). */
  args: string[];
}

/**
 * Finds what to lint from the command line's paths and globs, resolved against `cwd` (absolute
 * and `../` ones too). A name that exists is taken as it is, even with glob characters in it
 * (`a[1].postal.json`). A file named is linted whatever its name. A folder, or a glob, finds
 * `*.postal.json` and `*.postal.jsonl`, and other `.json` files that are then linted only if
 * they hold a Postal webhook body (not every `package.json` a `**\/*.json` reaches).
 * node_modules and .git are skipped; symbolic links are not followed.
 */
export function resolveTargets(given: readonly string[], cwd: string): ResolvedTargets {
  const args = given.length > 0 ? [...given] : ['.'];
  const targets = new Map<string, LintTarget>();
  const problems: string[] = [];
  const failed = new Set<number>();
  const fail = (index: number, problem: string): void => {
    problems.push(problem);
    failed.add(index);
  };
  const add = (absolutePath: string, named: boolean, source: number): void => {
    const known = targets.get(absolutePath);
    const onlyIfPostal = !named && !POSTAL_FILE.test(absolutePath);
    if (known === undefined) targets.set(absolutePath, { path: displayPath(cwd, absolutePath), absolutePath, format: formatOf(absolutePath), onlyIfPostal, sources: [source] });
    else {
      known.onlyIfPostal &&= onlyIfPostal;
      known.sources.push(source);
    }
  };
  args.forEach((arg, index) => {
    const absolutePath = resolve(cwd, arg);
    const kind = fileKind(absolutePath);
    if (kind === 'file') return add(absolutePath, true, index);
    if (kind === undefined && !isGlob(arg)) return fail(index, `${arg}: no such file or folder`);
    const refused = kind === undefined ? globProblem(arg) : undefined;
    if (refused !== undefined) return fail(index, refused);
    const { base, glob } = kind === 'folder' ? { base: absolutePath, glob: '**/*.{json,jsonl}' } : splitGlob(arg);
    for (const file of search(resolve(cwd, base), glob, problems, cwd)) if (POSTAL_FILE.test(file) || JSON_FILE.test(file)) add(file, false, index);
  });
  return { targets: [...targets.values()], problems, failed, args };
}

/** Files under `folder` matching `glob`, absolute; folders that cannot be read are reported in `problems`. */
function search(folder: string, glob: string, problems: string[], cwd: string): string[] {
  const unreadable = new Map<string, string>();
  const readdir = ((path: string, options: never) => {
    try {
      return readdirSync(path, options);
    } catch (error) {
      unreadable.set(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
      throw error;
    }
  }) as typeof readdirSync;
  const files = fileKind(folder) === 'folder' ? globSync(glob, { cwd: folder, absolute: true, dot: true, extglob: false, ignore: SKIPPED, followSymbolicLinks: false, fs: { readdirSync: readdir } }) : [];
  for (const [path, code] of unreadable) problems.push(`cannot read the folder ${displayPath(cwd, path)}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code}`);
  return files.map((file) => resolve(file)).sort();
}

function fileKind(path: string): 'file' | 'folder' | undefined {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

export function formatOf(path: string): DocumentFormat {
  return /\.(jsonl|ndjson)$/i.test(path) ? 'jsonl' : 'json';
}

export function displayPath(cwd: string, absolutePath: string): string {
  const shown = relative(cwd, absolutePath);
  return shown.startsWith('..') || shown === '' ? absolutePath : shown.split('\\').join('/');
}
