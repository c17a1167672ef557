/**
 * Cheap single-pass scans over JSON text. They let well-formed documents skip building a
 * syntax tree: the tree is only needed to point at a problem, and most documents have none.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === LINE_FEED || code === CARRIAGE_RETURN;
}

/**
 * Counts the property keys written in text that `JSON.parse` accepted, duplicates included.
 * Valid JSON has no quote outside a string, so the scan can jump from string to string with
 * `indexOf`, which is what makes it fast: JSON text is mostly strings.
 */
export function countKeysInText(text: string): number {
  let keys = 0;
  let quote = text.indexOf('"');
  while (quote !== -1) {
    const close = closingQuote(text, quote);
    let next = close + 1;
    while (next < text.length && isWhitespace(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) === COLON) keys++;
    quote = text.indexOf('"', next);
  }
  return keys;
}

function closingQuote(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
  return text.length;
}

/**
 * Deepest nesting in any text, read the way jsonc-parser reads it (a string also ends at a
 * line break), so it can tell whether building a tree would recurse too deep.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE || code === LINE_FEED || code === CARRIAGE_RETURN) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > deepest) deepest = depth;
    } else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && depth > 0) depth--;
  }
  return deepest;
}

/**
 * Keys in a parsed value, to compare with the keys in its text: fewer means a key was repeated.
 * Undefined when the value nests deeper than `maxDepth`, which also keeps the recursion short.
 */
export function countValueKeys(value: unknown, maxDepth: number, depth = 1): number | undefined {
  if (value === null || typeof value !== 'object') return 0;
  if (depth > maxDepth) return undefined;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = countValueKeys(item, maxDepth, depth + 1);
      if (inner === undefined) return undefined;
      count += inner;
    }
    return count;
  }
  for (const key in value) {
    const inner = countValueKeys((value as Record<string, unknown>)[key], maxDepth, depth + 1);
    if (inner === undefined) return undefined;
    count += 1 + inner;
  }
  return count;
}
