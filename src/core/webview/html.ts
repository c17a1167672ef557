/**
 * HTML built from trusted markup and untrusted values. Everything a webview shows of a request
 * (headers, bodies, paths, reasons) came from the network, so values are escaped by default:
 * only what passes through {@link html} or {@link trusted} is markup.
 */
export class Html {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** Interpolated values: markup, text (escaped), numbers, lists of either; nothing for `undefined`, `null` and `false`. */
export type HtmlValue = Html | string | number | undefined | null | false | readonly HtmlValue[];

const HTML_SPECIALS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters that hide or disguise text: C0 and C1 controls (terminal escapes, NUL, backspace),
 * DEL, zero-width characters, bidirectional overrides and isolates ("Trojan Source"), the byte
 * order mark, and line / paragraph separators. Tab and newline are layout and stay as they are.
 */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The ASCII names of the C0 controls, as terminals and `man ascii` write them. */
const C0_NAMES = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];

/** How a hidden character is shown: a control by its name (`<ESC>`), others by code point (`<U+202E>`); every font has these letters. */
function visibleForm(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return `<${C0_NAMES[code]}>`;
  if (code === 0x7f) return '<DEL>';
  return `<${codePoint(char)}>`;
}

/** Text as HTML text content: specials escaped, hidden characters shown as marked symbols. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_SPECIALS[char]).replace(HIDDEN, (char) => `<span class="hidden-char" title="${codePoint(char)}">${escapeAttribute(visibleForm(char))}</span>`);
}

/** Text inside a double- or single-quoted attribute: specials escaped, hidden characters written as `<U+001B>`. */
export function escapeAttribute(text: string): string {
  return text.replace(HIDDEN, (char) => `<${codePoint(char)}>`).replace(/[&<>"']/g, (char) => HTML_SPECIALS[char]);
}

function render(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.value;
  if (typeof value === 'number') return escapeText(String(value));
  if (typeof value === 'string') return escapeText(value);
  return value.map(render).join('');
}

/**
 * A template of trusted markup: `html\`<td>${name}</td>\`` escapes `name` as text. In a quoted
 * attribute, pass the value through {@link attr}: text escaping marks hidden characters with
 * markup, which has no place inside an attribute.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let index = 0; index < values.length; index++) out += render(values[index]) + strings[index + 1];
  return new Html(out);
}

/** A value for a quoted attribute: `title="${attr(reason)}"`. */
export function attr(text: string | number): Html {
  return new Html(escapeAttribute(String(text)));
}

/** Markup we wrote ourselves (never text from a request). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Several fragments as one. */
export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  return new Html(parts.map(render).filter((part) => part !== '').join(render(separator)));
}
