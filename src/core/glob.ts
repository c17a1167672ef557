import picomatch from 'picomatch';
import { globProblem } from './globProblem';

export { globProblem, MAX_STARS_PER_NAME } from './globProblem';

/**
 * Glob patterns, for the editor's `postalWebhooks.lint.include` setting and the CLI, read by
 * picomatch: `*` within one name, `**` across folders, `?`, `{a,b}`, `[abc]`. Extglobs
 * (`+(a|b)`) are off: they nest quantifiers, which regular expressions can take minutes on.
 */

const OPTIONS: picomatch.PicomatchOptions = { dot: true, noextglob: true };

export type GlobMatcher = (path: string) => boolean;

export type CompiledGlob = { ok: true; matches: GlobMatcher } | { ok: false; message: string };

/** Whether `text` has glob syntax (`*`, `?`, `[…]`, `{…}`), so is a pattern rather than a name. */
export function isGlob(text: string): boolean {
  return picomatch.scan(text, OPTIONS).isGlob;
}

/**
 * Compiles `pattern` once, for `/`-separated relative paths (`\` is read as `/` in both, as on
 * Windows, so it escapes nothing; a leading `./` is dropped). With `matchBase`, a pattern without a `/` matches the file name in any
 * folder (`*.webhook.json`), the way .gitignore reads it.
 */
export function compileGlob(pattern: string, options: { matchBase?: boolean } = {}): CompiledGlob {
  const problem = globProblem(pattern);
  if (problem !== undefined) return { ok: false, message: problem };
  // picomatch's `basename` tests only the file name, so it is for patterns without a folder.
  const onName = options.matchBase === true && !normalize(pattern).includes('/');
  const test = picomatch(normalize(pattern), { ...OPTIONS, basename: onName });
  return { ok: true, matches: (path) => test(normalize(path)) };
}

/** Splits a pattern into the folder to search from and the pattern within it: `../fixtures/**\/*.json` → `../fixtures`, `**\/*.json`. */
export function splitGlob(pattern: string): { base: string; glob: string } {
  const { base, glob } = picomatch.scan(normalize(pattern), OPTIONS);
  return { base: base === '' ? '.' : base, glob };
}

function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}
