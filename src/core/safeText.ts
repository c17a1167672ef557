/**
 * Characters that must never reach a terminal, the log or a tree row as themselves: C0 controls
 * (ESC starts terminal escape sequences, CR and LF forge whole lines), DEL, C1 controls (U+009B
 * is a one-byte CSI for some terminals), the Unicode line and paragraph separators, and the bidi
 * controls that make text read differently from what it is (Trojan Source).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text received or read from a file, made safe to show as one line: every control character
 * written out as an escape (`\x1b`, `\n`, `\u202e`), everything else unchanged. The one function
 * every readable output (CLI lines, lint and send text, the log, tree rows and hovers) passes
 * outside text through; JSON outputs escape by themselves.
 */
export function safeText(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeOne) : text;
}

/** `safeText` for each line of a text made of lines on purpose (a stack trace), keeping its line breaks. */
export function safeLines(text: string): string {
  return text.split('\n').map(safeText).join('\n');
}
