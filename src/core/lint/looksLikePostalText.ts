import { createScanner, type JSONScanner } from 'jsonc-parser';

/**
 * How much of a document the decision reads. Postal, our snippets and samples write `event`
 * first and `payload` third, within the first hundred characters; 4 KiB leaves room for a body
 * whose keys were reordered (a pretty-printed payload placed before `event`) while keeping the
 * "not a webhook body" answer for any JSON file, however large, in the tens of microseconds.
 */
export const POSTAL_SNIFF_CHARS = 4 * 1024;

/** Only the first root keys count: an envelope has four. */
const MAX_ROOT_KEYS = 8;

/** jsonc-parser's `SyntaxKind` values (a const enum its typings do not let us import). */
const TOKEN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, colon: 6, string: 10, lineComment: 12, blockComment: 13, eof: 17 } as const;

/**
 * Whether a `.json` text is a Postal webhook body, for files linted only when they look like
 * one: among its first root keys, `event` holds a string and `payload` an object. Reads the
 * first POSTAL_SNIFF_CHARS characters with jsonc-parser's scanner and stops as soon as it
 * knows, so the answer costs the same for a 10 MB file as for a 1 KB one. Broken JSON counts
 * when its start looks like a body, so a stray trailing comma further down is still caught.
 */
export function looksLikePostalText(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte order mark
  const scanner = createScanner(text.slice(start, start + POSTAL_SNIFF_CHARS), true);
  if (nextToken(scanner) !== TOKEN.openBrace) return false;
  let eventIsString = false;
  let payloadIsObject = false;
  for (let keys = 0; keys < MAX_ROOT_KEYS; keys++) {
    if (nextToken(scanner) !== TOKEN.string) return false; // the root object ended, or is not one
    const key = scanner.getTokenValue();
    if (nextToken(scanner) !== TOKEN.colon) return false;
    const value = nextToken(scanner);
    if (key === 'event') eventIsString = value === TOKEN.string;
    if (key === 'payload') payloadIsObject = value === TOKEN.openBrace;
    if (eventIsString && payloadIsObject) return true;
    if (!skipRestOfValue(scanner, value)) return false;
  }
  return false;
}

/** The next token that is not a comment (whitespace and line breaks are skipped by the scanner). */
function nextToken(scanner: JSONScanner): number {
  let token = scanner.scan();
  while (token === TOKEN.lineComment || token === TOKEN.blockComment) token = scanner.scan();
  return token;
}

/**
 * Moves past the value whose first token is `first`, and past the comma after it. False when
 * no further key follows: the text or the root object ends (or the comma is missing).
 */
function skipRestOfValue(scanner: JSONScanner, first: number): boolean {
  let depth = first === TOKEN.openBrace || first === TOKEN.openBracket ? 1 : 0;
  while (depth > 0) {
    const token = nextToken(scanner);
    if (token === TOKEN.eof) return false;
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) depth++;
    else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) depth--;
  }
  return nextToken(scanner) === TOKEN.comma;
}
