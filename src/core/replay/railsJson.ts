import { type JsonPath } from '../jsonValue';
import { rubyFloat } from './rubyFloat';

/**
 * JSON as Rails' `Hash#to_json` writes it (ActiveSupport 7.1 on the `json` gem), which is what
 * Postal signs and sends:
 * - compact, keys in the order given;
 * - `"` `\` and control characters escaped as the json gem does (`\n`, `\u001f`);
 * - `<` `>` `&` as `\u003c` `\u003e` `\u0026` and U+2028/U+2029 as `\u2028` `\u2029`
 *   (ActiveSupport's `escape_html_entities_in_json`, on by default);
 * - every other character raw UTF-8, `/` unescaped;
 * - floats in Ruby's form (`rubyFloat`), integers as integers.
 * Whether a whole number is a Ruby Float (`1714567890.0`) or an Integer (`48213`) cannot be
 * seen in a JavaScript number, so the caller says which paths hold floats (`NumberKindAt`).
 */

/** `float` for a Ruby Float field, `integer` for an Integer one, undefined when unknown. */
export type NumberKind = 'float' | 'integer' | undefined;
export type NumberKindAt = (path: JsonPath) => NumberKind;

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const RAILS_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

function isLoneSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = text.charCodeAt(index - 1);
    return !(previous >= 0xd800 && previous <= 0xdbff);
  }
  return false;
}

/** A JSON string literal with Rails' escaping. */
export function railsString(text: string): string {
  let out = '"';
  let plainFrom = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    const code = text.charCodeAt(index);
    let escaped = SHORT_ESCAPES[char] ?? RAILS_ESCAPES[char];
    // A lone surrogate cannot be written as UTF-8; escaping it keeps the text as JSON.
    if (escaped === undefined && (code < 0x20 || isLoneSurrogate(text, index))) escaped = unicodeEscape(code);
    if (escaped === undefined) continue;
    out += text.slice(plainFrom, index) + escaped;
    plainFrom = index + 1;
  }
  return out + text.slice(plainFrom) + '"';
}

/**
 * A number as Ruby prints it. A non-integral value is always a Float in Ruby; so is an integral
 * one beyond 2^53, which a double cannot hold exactly as the Integer it would have been.
 */
export function railsNumber(value: number, kind: NumberKind): string {
  if (kind === 'float' || !Number.isSafeInteger(value)) return rubyFloat(value);
  return String(value);
}

export interface RailsJsonOptions {
  /** Which whole numbers are Ruby Floats; without it only non-integral numbers are. */
  numberKindAt?: NumberKindAt;
  /** Spaces per level for a readable layout (like `JSON.stringify(value, null, 2)`); 0 is Postal's compact form. */
  indent?: number;
}

/**
 * Encodes a JSON value (objects, arrays, strings, numbers, booleans, null) as Rails would.
 * `undefined` properties are left out and non-finite numbers become `null`, as in Rails.
 */
export function railsJson(value: unknown, options: RailsJsonOptions = {}): string {
  const kindAt = options.numberKindAt ?? (() => undefined);
  const indent = options.indent ?? 0;
  const path: (string | number)[] = [];

  function encode(node: unknown, depth: number): string {
    if (node === null || node === undefined) return 'null';
    if (typeof node === 'string') return railsString(node);
    if (typeof node === 'number') return railsNumber(node, kindAt(path));
    if (typeof node === 'boolean') return node ? 'true' : 'false';
    if (Array.isArray(node)) {
      const items = node.map((item: unknown, index) => withSegment(index, () => encode(item, depth + 1)));
      return layout('[', items, ']', depth);
    }
    if (typeof node === 'object') {
      const members = Object.entries(node as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => `${railsString(key)}:${indent > 0 ? ' ' : ''}${withSegment(key, () => encode(item, depth + 1))}`);
      return layout('{', members, '}', depth);
    }
    throw new TypeError(`cannot encode a ${typeof node} as JSON`);
  }

  function withSegment(segment: string | number, run: () => string): string {
    path.push(segment);
    try {
      return run();
    } finally {
      path.pop();
    }
  }

  function layout(open: string, parts: string[], close: string, depth: number): string {
    if (indent === 0 || parts.length === 0) return open + parts.join(',') + close;
    const inner = ' '.repeat(indent * (depth + 1));
    return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${' '.repeat(indent * depth)}${close}`;
  }

  return encode(value, 0);
}
