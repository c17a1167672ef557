import { applyEdits, createScanner, format } from 'jsonc-parser';
import { escapeText, type Html, trusted } from './html';

/** Bodies above this many characters are shown raw only: colouring them would cost more than it helps. */
export const MAX_PRETTY_CHARS = 512 * 1024;

/** jsonc-parser's `SyntaxKind` values (a const enum its typings do not let us import). */
const TOKEN = { colon: 6, null: 7, true: 8, false: 9, string: 10, number: 11, lineBreak: 14, trivia: 15, unknown: 16, eof: 17 } as const;

const CLASS_OF: Partial<Record<number, string>> = {
  [TOKEN.number]: 'json-number',
  [TOKEN.true]: 'json-literal',
  [TOKEN.false]: 'json-literal',
  [TOKEN.null]: 'json-literal',
  [TOKEN.unknown]: 'json-error',
};

/** Whether `text` is one JSON value (so that a pretty view of it makes sense). */
export function isJsonText(text: string): boolean {
  if (text.length > MAX_PRETTY_CHARS) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON text indented and coloured, or undefined when it is too large. Only whitespace between
 * tokens changes: every string, escape (`\u003c`) and number is shown exactly as it came, so the
 * pretty view never disagrees with the raw bytes.
 */
export function prettyJson(text: string): Html | undefined {
  if (text.length > MAX_PRETTY_CHARS) return undefined;
  const indented = applyEdits(text, format(text, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' }));
  const tokens = scan(indented);
  let out = '';
  for (let index = 0; index < tokens.length; index++) {
    const { kind, text: tokenText } = tokens[index];
    const escaped = escapeText(tokenText);
    const cls = kind === TOKEN.string ? (isKey(tokens, index) ? 'json-key' : 'json-string') : CLASS_OF[kind];
    out += cls === undefined ? escaped : `<span class="${cls}">${escaped}</span>`;
  }
  return trusted(out);
}

interface Token {
  kind: number;
  text: string;
}

function scan(text: string): Token[] {
  const scanner = createScanner(text, false);
  const tokens: Token[] = [];
  for (let kind: number = scanner.scan(); kind !== TOKEN.eof; kind = scanner.scan()) {
    tokens.push({ kind, text: text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()) });
  }
  return tokens;
}

/** A string followed (after whitespace) by a colon is an object key. */
function isKey(tokens: readonly Token[], index: number): boolean {
  for (let next = index + 1; next < tokens.length; next++) {
    const kind = tokens[next].kind;
    if (kind === TOKEN.trivia || kind === TOKEN.lineBreak) continue;
    return kind === TOKEN.colon;
  }
  return false;
}
