import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globBase, globMatcher, isGlob } from '../core/glob';
import { type DocumentFormat } from '../core/lint';

/** Folders no one keeps payload fixtures in, and which can be huge. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const POSTAL_FILE = /\.postal\.jsonl?$/i;
const JSON_FILE = /\.json$/i;

export interface LintTarget {
  /** As shown to the user: relative to the working directory when the file is under it. */
  path: string;
  absolutePath: string;
  format: DocumentFormat;
  /** Found by looking at every `.json` (`--include-json`): lint it only if it is a Postal body. */
  onlyIfPostal: boolean;
}

export type TargetResult = { ok: true; targets: LintTarget[] } | { ok: false; message: string };

/**
 * Expands the paths and globs given on the command line. A file is linted whatever its name; a
 * folder is searched for `*.postal.json` and `*.postal.jsonl` (and, with `includeJson`, every
 * `*.json`); a glob is matched against paths relative to `cwd`.
 */
export function resolveTargets(args: readonly string[], cwd: string, includeJson: boolean): TargetResult {
  const targets = new Map<string, LintTarget>();
  const add = (absolutePath: string, onlyIfPostal: boolean) => {
    const existing = targets.get(absolutePath);
    if (existing && !onlyIfPostal) existing.onlyIfPostal = false;
    if (!existing) targets.set(absolutePath, { path: displayPath(cwd, absolutePath), absolutePath, format: formatOf(absolutePath), onlyIfPostal });
  };
  for (const arg of args.length > 0 ? args : ['.']) {
    if (isGlob(arg)) {
      const matches = expandGlob(arg, cwd);
      if (matches.length === 0) return { ok: false, message: `no files match ${arg}` };
      matches.forEach((file) => add(file, false));
      continue;
    }
    const absolutePath = join(cwd, arg);
    const kind = fileKind(absolutePath);
    if (kind === undefined) return { ok: false, message: `${arg}: no such file or folder` };
    if (kind === 'file') add(absolutePath, false);
    else for (const file of walk(absolutePath)) {
      if (POSTAL_FILE.test(file)) add(file, false);
      else if (includeJson && JSON_FILE.test(file)) add(file, true);
    }
  }
  return { ok: true, targets: [...targets.values()] };
}

function expandGlob(pattern: string, cwd: string): string[] {
  const matches = globMatcher(pattern);
  const base = join(cwd, globBase(pattern));
  if (fileKind(base) !== 'folder') return [];
  return walk(base).filter((file) => matches(relative(cwd, file)));
}

/** Every file under `folder`, depth first, in name order; symbolic links are not followed. */
export function walk(folder: string): string[] {
  const files: string[] = [];
  const pending = [folder];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to lint in it
    }
    for (const entry of entries.sort((a, b) => b.name.localeCompare(a.name))) {
      const path = join(current, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      else if (entry.isFile()) files.push(path);
    }
  }
  return files.sort();
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

function displayPath(cwd: string, absolutePath: string): string {
  const shown = relative(cwd, absolutePath);
  return shown.startsWith('..') ? absolutePath : shown.split('\\').join('/');
}
