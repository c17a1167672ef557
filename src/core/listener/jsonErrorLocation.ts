import { createScanner } from 'jsonc-parser';

/** jsonc-parser's `SyntaxKind` and `ScanError` values (const enums its typings do not let us import). */
const TOKEN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, colon: 6, null: 7, true: 8, false: 9, string: 10, number: 11, lineComment: 12, blockComment: 13, lineBreak: 14, trivia: 15, eof: 17 } as const;
const SCAN_ERRORS = ['', 'an unterminated comment', 'an unterminated string', 'an unterminated number', 'a bad \\u escape', 'a bad escape', 'a control character in a string'];

/** Where JSON text first goes wrong and what was expected there. */
export interface JsonErrorLocation {
  offset: number;
  reason: string;
}

/** What comes next: a value, an object key, `:`, or `,`/the close of the container, or the end. */
type Expect = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'more' | 'end';

/**
 * The first syntax error in `text` (which JSON.parse refused), found token by token with an
 * explicit stack, so that no nesting depth up to the body cap can overflow the call stack (a
 * recursive parser fails on a few thousand `[`). Undefined when no error is found.
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const scanner = createScanner(text, false);
  const stack: number[] = [];
  let expect: Expect = 'value';
  /** A value ended (a scalar, or a container closed): what may follow it. */
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'more');
  for (;;) {
    const token = scanner.scan();
    const offset = scanner.getTokenOffset();
    const scanError = scanner.getTokenError();
    if (scanError !== 0) return { offset, reason: SCAN_ERRORS[scanError] ?? 'a bad token' };
    if (token === TOKEN.trivia || token === TOKEN.lineBreak) continue;
    if (token === TOKEN.lineComment || token === TOKEN.blockComment) return { offset, reason: 'a comment, which JSON does not allow' };
    const container = stack.at(-1);
    switch (expect) {
      case 'end':
        return token === TOKEN.eof ? undefined : { offset, reason: 'the end of the text expected' };
      case 'colon':
        if (token !== TOKEN.colon) return { offset, reason: '":" expected' };
        expect = 'value';
        continue;
      case 'key':
      case 'first-key':
        if (token === TOKEN.closeBrace && expect === 'first-key') {
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (token !== TOKEN.string) return { offset, reason: 'a property name in double quotes expected' };
        expect = 'colon';
        continue;
      case 'more':
        if (token === TOKEN.comma) {
          expect = container === TOKEN.openBrace ? 'key' : 'value';
          continue;
        }
        if (token !== (container === TOKEN.openBrace ? TOKEN.closeBrace : TOKEN.closeBracket)) {
          return { offset, reason: container === TOKEN.openBrace ? '"," or "}" expected' : '"," or "]" expected' };
        }
        stack.pop();
        expect = afterValue();
        continue;
      case 'value':
      case 'first-value':
        if (token === TOKEN.closeBracket && expect === 'first-value') {
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
          stack.push(token);
          expect = token === TOKEN.openBrace ? 'first-key' : 'first-value';
          continue;
        }
        if (token < TOKEN.null || token > TOKEN.number) return { offset, reason: 'a value expected' };
        expect = afterValue();
        continue;
    }
  }
}
