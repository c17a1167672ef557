import { type ParseError, printParseErrorCode } from 'jsonc-parser';
import { type LintRule, type RuleReport } from '../rule';
import { type LintFix, type TextRange } from '../types';

/** Past this many, more syntax errors only bury the first ones, which are the ones to fix. */
const MAX_REPORTS = 100;

/**
 * Reports where the text stops being JSON, once per cause: a parser that recovers reports a
 * trail of follow-up errors after each real one, and those are left out.
 */
export const jsonSyntax: LintRule = {
  id: 'postal/json-syntax',
  defaultSeverity: 'error',
  description: 'The text must be plain JSON, as Postal sends it: no comments, no trailing commas.',
  check(context) {
    const { doc, text } = context;
    if (doc.wellFormed) return;
    if (doc.strictError !== undefined) context.report(strictErrorReport(text, doc.strictError));
    let previousEnd = -1;
    let reported = 0;
    const lines = lineTracker(text);
    let lastReportedLine = -1;
    for (const error of doc.syntaxErrors.map((found) => clampToText(text, found)).sort((a, b) => a.offset - b.offset)) {
      const cascade = previousEnd >= 0 && text.slice(previousEnd, error.offset).trim() === '';
      previousEnd = Math.max(previousEnd, error.offset + error.length);
      const line = lines.lineAt(error.offset);
      // One error per line: what follows on the same line is usually the parser recovering.
      if (cascade || line === lastReportedLine) continue;
      lastReportedLine = line;
      context.report(describe(text, error));
      if (++reported >= MAX_REPORTS) break;
    }
  },
};

function describe(text: string, error: ParseError): RuleReport {
  const range = visibleRange(text, error);
  const token = text.slice(error.offset, error.offset + error.length);
  // By name: jsonc-parser's ParseErrorCode is a const enum, which isolated modules cannot read.
  switch (printParseErrorCode(error.error)) {
    case 'InvalidCommentToken':
      return { range, message: 'Comments are not allowed: Postal sends plain JSON, not JSON with comments', fixes: [removeComment(text, range)] };
    case 'PropertyNameExpected':
    case 'ValueExpected':
      return misplacedComma(text, error) ?? expected(text, error, range);
    case 'CommaExpected':
      return missingComma(text, error, range);
    case 'ColonExpected':
      return { range, message: 'Expected `:` between the property name and its value' };
    case 'CloseBraceExpected':
      return { range, message: 'Expected `}`: an object is not closed' };
    case 'CloseBracketExpected':
      return { range, message: 'Expected `]`: an array is not closed' };
    case 'EndOfFileExpected':
      return { range, message: 'Unexpected text after the JSON value: a .postal.json file holds one webhook body (use .postal.jsonl for one body per line)' };
    case 'InvalidSymbol':
      return invalidSymbol(text, error, range, token);
    case 'UnexpectedEndOfString':
      return { range, message: 'Unterminated string: close it with `"` on the same line (write a line break as \\n)' };
    case 'UnexpectedEndOfComment':
      return { range, message: 'Unterminated comment (and comments are not allowed in JSON)' };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return { range, message: `Invalid number \`${token}\`: JSON numbers look like 42, -1.5 or 1.7e9` };
    case 'InvalidUnicode':
      return { range, message: 'Invalid \\u escape: it needs exactly four hexadecimal digits' };
    case 'InvalidEscapeCharacter':
      return { range, message: 'Invalid escape: JSON knows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX' };
    case 'InvalidCharacter':
      return { range, message: 'Control characters must be escaped inside strings (a tab as \\t, a line break as \\n)' };
    default:
      return { range, message: 'Invalid JSON' };
  }
}

/** A comma right before `}`/`]` (trailing) or right after another comma (doubled). */
function misplacedComma(text: string, error: ParseError): RuleReport | undefined {
  const here = text[error.offset];
  const comma = previousNonBlank(text, error.offset);
  if (here === ',') {
    const range = { offset: error.offset, length: 1 };
    return { range, message: 'Extra comma', fixes: [{ title: 'Remove the extra comma', edits: [{ ...range, newText: '' }], preferred: true }] };
  }
  if ((here !== '}' && here !== ']') || comma < 0 || text[comma] !== ',') return undefined;
  const range = { offset: comma, length: 1 };
  return {
    range,
    message: `Trailing comma: JSON allows no comma before \`${here}\``,
    fixes: [{ title: 'Remove the trailing comma', edits: [{ ...range, newText: '' }], preferred: true }],
  };
}

function expected(text: string, error: ParseError, range: TextRange): RuleReport {
  if (text.trim() === '') return { range, message: 'The document is empty: a Postal webhook body is a JSON object' };
  if (printParseErrorCode(error.error) === 'PropertyNameExpected') return { range, message: 'Expected a property name in double quotes' };
  return { range, message: 'Expected a value (a string, number, object, array, true, false or null)' };
}

function missingComma(text: string, error: ParseError, range: TextRange): RuleReport {
  const end = previousNonBlank(text, error.offset) + 1;
  if (/[0-9]/.test(text[error.offset] ?? '') && end === error.offset) {
    return { range, message: 'Invalid number: JSON numbers do not start with 0 unless they are 0 or 0.x' };
  }
  const fix: LintFix = { title: 'Insert the missing comma', edits: [{ offset: end, length: 0, newText: ',' }], preferred: true };
  return { range, message: 'Missing comma before this', fixes: [fix] };
}

const LITERAL_FIXES: Record<string, string> = { True: 'true', TRUE: 'true', False: 'false', FALSE: 'false', None: 'null', NULL: 'null', Null: 'null', nil: 'null', undefined: 'null' };

function invalidSymbol(text: string, error: ParseError, range: TextRange, token: string): RuleReport {
  const literal = LITERAL_FIXES[token];
  if (literal) {
    const fix: LintFix = { title: `Replace with ${literal}`, edits: [{ ...range, newText: literal }], preferred: true };
    return { range, message: `\`${token}\` is not JSON: write ${literal}`, fixes: [fix] };
  }
  if (token.startsWith("'")) return { range, message: 'JSON strings and property names use double quotes, not single quotes' };
  const followedByColon = text.slice(error.offset + error.length).trimStart().startsWith(':');
  if (followedByColon && /^[A-Za-z_$][\w$]*$/.test(token)) {
    const fix: LintFix = { title: `Quote the property name "${token}"`, edits: [{ ...range, newText: JSON.stringify(token) }], preferred: true };
    return { range, message: 'Property names must be in double quotes', fixes: [fix] };
  }
  return { range, message: `Unexpected \`${token.slice(0, 40)}\`: not a JSON value (NaN and Infinity are not JSON either)` };
}

function removeComment(text: string, range: TextRange): LintFix {
  const lineStart = text.lastIndexOf('\n', range.offset - 1) + 1;
  const lineEnd = text.indexOf('\n', range.offset + range.length);
  const before = text.slice(lineStart, range.offset);
  const after = text.slice(range.offset + range.length, lineEnd === -1 ? text.length : lineEnd);
  const aloneOnLine = before.trim() === '' && after.trim() === '' && lineEnd !== -1;
  const edit = aloneOnLine
    ? { offset: lineStart, length: lineEnd + 1 - lineStart, newText: '' }
    : { offset: range.offset - (before.length - before.trimEnd().length), length: range.length + (before.length - before.trimEnd().length), newText: '' };
  return { title: 'Remove the comment', edits: [edit], preferred: true };
}

/** `JSON.parse` refused text jsonc-parser accepted; its message names the position. */
function strictErrorReport(text: string, message: string): RuleReport {
  const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
  return { range: visibleRange(text, { offset: Math.min(position, text.length), length: 1 }), message: `Not valid JSON: ${message}` };
}

/** jsonc-parser can report an unterminated comment as reaching past the end of the text. */
function clampToText(text: string, error: ParseError): ParseError {
  const offset = Math.min(error.offset, text.length);
  return { ...error, offset, length: Math.min(error.length, text.length - offset) };
}

/** A zero-length error at the very end would be invisible; point at the last character instead. */
function visibleRange(text: string, error: TextRange): TextRange {
  if (error.length > 0 || text.length === 0) return { offset: error.offset, length: error.length };
  if (error.offset < text.length) return { offset: error.offset, length: 1 };
  const last = Math.max(0, previousNonBlank(text, text.length));
  return { offset: last, length: 1 };
}

function previousNonBlank(text: string, offset: number): number {
  let index = offset - 1;
  while (index >= 0 && /\s/.test(text[index])) index--;
  return index;
}

/** Line numbers for increasing offsets, in one pass over the text. */
function lineTracker(text: string): { lineAt(offset: number): number } {
  let line = 0;
  let nextBreak = text.indexOf('\n');
  return {
    lineAt(offset) {
      while (nextBreak !== -1 && nextBreak < offset) {
        line++;
        nextBreak = text.indexOf('\n', nextBreak + 1);
      }
      return line;
    },
  };
}
