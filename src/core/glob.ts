/**
 * A small glob matcher for `/`-separated relative paths, shared by the CLI and the editor's
 * `postalWebhooks.lint.include` setting (Node 20 has no `fs.glob`).
 *
 * `*` any run of characters within a segment, `?` one character, `**` any number of whole
 * segments, `{a,b}` alternatives, `[abc]` / `[a-z]` / `[!abc]` character classes.
 */

const MAGIC = /[*?[{]/;

export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${translate(normalize(pattern))}$`);
}

export interface GlobMatcher {
  (path: string): boolean;
}

/**
 * Compiles `pattern` once. With `matchBase`, a pattern without a `/` matches the file name in
 * any folder (`*.webhook.json`), the way .gitignore reads it.
 */
export function globMatcher(pattern: string, options: { matchBase?: boolean } = {}): GlobMatcher {
  const regExp = globToRegExp(pattern);
  const onName = options.matchBase === true && !normalize(pattern).includes('/');
  return (path) => {
    const normalized = normalize(path);
    return regExp.test(onName ? normalized.slice(normalized.lastIndexOf('/') + 1) : normalized);
  };
}

/** The folder part before the first segment with a wildcard: where a directory walk starts. */
export function globBase(pattern: string): string {
  const segments = normalize(pattern).split('/');
  const magic = segments.findIndex((segment) => isGlob(segment));
  const base = magic === -1 ? segments.slice(0, -1) : segments.slice(0, magic);
  return base.join('/') || '.';
}

function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

function translate(pattern: string): string {
  let out = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '*' && pattern[index + 1] === '*' && isSegmentStart(pattern, index) && isSegmentEnd(pattern, index + 2)) {
      const trailingSlash = pattern[index + 2] === '/';
      out += trailingSlash ? '(?:.*/)?' : '.*';
      index += trailingSlash ? 2 : 1;
    } else if (char === '*') {
      while (pattern[index + 1] === '*') index++;
      out += '[^/]*';
    } else if (char === '?') out += '[^/]';
    else if (char === '[') {
      const close = pattern.indexOf(']', index + 2);
      if (close === -1) out += '\\[';
      else {
        out += characterClass(pattern.slice(index + 1, close));
        index = close;
      }
    } else if (char === '{') {
      const close = pattern.indexOf('}', index);
      if (close === -1) out += '\\{';
      else {
        out += `(?:${pattern.slice(index + 1, close).split(',').map(translate).join('|')})`;
        index = close;
      }
    } else out += escape(char);
  }
  return out;
}

function isSegmentStart(pattern: string, index: number): boolean {
  return index === 0 || pattern[index - 1] === '/';
}

function isSegmentEnd(pattern: string, index: number): boolean {
  return index === pattern.length || pattern[index] === '/';
}

function characterClass(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  const members = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, (char) => `\\${char}`);
  return negated ? `[^/${members}]` : `[${members}]`;
}

function escape(char: string): string {
  return /[.+^${}()|\\\]]/.test(char) ? `\\${char}` : char;
}
