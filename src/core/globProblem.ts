/**
 * What a glob may hold, checked before picomatch is even loaded (the editor loads it only when
 * a workspace has include globs).
 */

/**
 * The most `*` one folder or file name of a pattern may hold. Each is a `[^/]*?` in the regular
 * expression, and a name that almost matches costs about (name length)^stars steps: with two
 * that is a few milliseconds for the longest name a file system allows, with ten it is hours.
 */
export const MAX_STARS_PER_NAME = 2;

/** Why `pattern` is refused (too many `*` in one name), or undefined. */
export function globProblem(pattern: string): string | undefined {
  for (const name of pattern.replace(/\\/g, '/').split('/')) {
    const stars = name === '**' ? 0 : (name.match(/\*/g) ?? []).length;
    if (stars > MAX_STARS_PER_NAME) {
      return `"${pattern}" has ${stars} * in one name ("${name}"): use at most ${MAX_STARS_PER_NAME} per folder or file name (more can make matching take minutes).`;
    }
  }
  return undefined;
}
