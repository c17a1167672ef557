import { isPlainObject } from '../jsonValue';
import { rubyFloat } from '../replay/rubyFloat';
import { type InboundFormat, recogniseInbound } from './inboundFormat';

/**
 * Postal's FormData encoding, both ways. Postal flattens the Hash's attachments to
 * `attachments[0][filename]`-style keys (`http_sender.rb`) and Net::HTTP's `set_form_data` writes
 * the pairs with Ruby's `URI.encode_www_form`:
 * - `key=value`, each side with every byte but `*-._0-9A-Za-z` percent-encoded and space as `+`;
 * - `nil` as the bare `key` (no `=`), which most parsers read as an empty string;
 * - an Array as the key repeated per element (`reply_to`), an empty one as an empty segment;
 * - numbers with `to_s` (`1714468502.482913`), `true`/`false` as words.
 */

/** One `name=value` of a form, in order; `null` for a bare `name` (Ruby's `nil`). */
export type FormPair = readonly [name: string, value: string | null];

/** Ruby's `URI.encode_www_form_component` on UTF-8 text. */
export function encodeFormComponent(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (/[*\-.0-9A-Z_a-z]/.test(char)) out += char;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * A form component back to text: `+` is a space, `%XX` a byte, the bytes UTF-8 (a broken
 * sequence becomes U+FFFD); a malformed escape is kept as written. Byte by byte, so that no
 * crafted body makes it throw.
 */
export function decodeFormComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  if (!spaced.includes('%')) return spaced;
  const source = Buffer.from(spaced, 'utf8');
  const decoded = Buffer.allocUnsafe(source.length);
  let length = 0;
  for (let index = 0; index < source.length; index++) {
    const high = hexValue(source[index + 1]);
    const low = hexValue(source[index + 2]);
    if (source[index] === 0x25 && high !== -1 && low !== -1) {
      decoded[length++] = high * 16 + low;
      index += 2;
    } else decoded[length++] = source[index];
  }
  return decoded.subarray(0, length).toString('utf8');
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/** The pairs of a urlencoded body, in order; empty segments (an empty Ruby array) are skipped. */
export function parseFormPairs(text: string): FormPair[] {
  const pairs: FormPair[] = [];
  for (const segment of text.split('&')) {
    if (segment === '') continue;
    const equals = segment.indexOf('=');
    if (equals === -1) pairs.push([decodeFormComponent(segment), null]);
    else pairs.push([decodeFormComponent(segment.slice(0, equals)), decodeFormComponent(segment.slice(equals + 1))]);
  }
  return pairs;
}

const ATTACHMENT_KEY = /^attachments\[(\d{1,6})\]\[([^\]]*)\]$/;

/**
 * The object a form stands for: `attachments[i][field]` keys rebuilt into an `attachments` array
 * (at the place of the first one), a repeated key into an array of its values, a bare key into
 * `null`. Values stay text: which are numbers or booleans is for the format's schema to say.
 */
export function formToObject(pairs: readonly FormPair[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const repeated = new Set<string>();
  for (const [name, value] of pairs) {
    const attachment = ATTACHMENT_KEY.exec(name);
    // An index past the number of pairs cannot be Postal's; it stays a plain key rather than a huge array.
    if (attachment !== null && Number(attachment[1]) < pairs.length) {
      const list = (Array.isArray(object.attachments) ? object.attachments : (setOwn(object, 'attachments', []) as unknown[])) as Record<string, unknown>[];
      const index = Number(attachment[1]);
      while (list.length <= index) list.push({});
      setOwn(list[index], attachment[2], value);
      continue;
    }
    if (!Object.hasOwn(object, name)) setOwn(object, name, value);
    else if (repeated.has(name)) (object[name] as (string | null)[]).push(value);
    else {
      repeated.add(name);
      setOwn(object, name, [object[name] as string | null, value]);
    }
  }
  return object;
}

/** A Ruby value's form text: `to_s` of a number (Floats as Ruby prints them) or a boolean. */
function formText(value: unknown, float: boolean): string {
  if (typeof value === 'number') return float || !Number.isSafeInteger(value) ? rubyFloat(value) : String(value);
  if (typeof value === 'string') return value;
  return String(value);
}

/**
 * A payload object as Postal's form body: attachments flattened as Postal does, then
 * `URI.encode_www_form`. `isFloat(key)` says which top-level numbers are Ruby Floats (`timestamp`),
 * since a whole-number Float prints as `1714468502.0`.
 */
export function encodeForm(payload: Record<string, unknown>, isFloat: (key: string) => boolean = () => false): string {
  const parts: string[] = [];
  const add = (name: string, value: unknown, float = false): void => {
    const key = encodeFormComponent(name);
    if (value === null || value === undefined) parts.push(key);
    else if (Array.isArray(value)) parts.push(value.map((item) => (item === null ? key : `${key}=${encodeFormComponent(formText(item, float))}`)).join('&'));
    else parts.push(`${key}=${encodeFormComponent(formText(value, float))}`);
  };
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'attachments' && Array.isArray(value)) {
      value.forEach((attachment, index) => {
        if (!isPlainObject(attachment)) return;
        for (const [field, item] of Object.entries(attachment)) add(`attachments[${index}][${field}]`, item);
      });
    } else if (value !== undefined) add(key, value, isFloat(key));
  }
  return parts.join('&');
}

/** Sets a key as data, so that `__proto__` in a crafted body is a key like any other. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): unknown {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

/** A urlencoded body as an object (see `formToObject`), and its endpoint format if it is Postal's. */
export function readFormBody(text: string): { value: Record<string, unknown>; format: InboundFormat | undefined } {
  const value = formToObject(parseFormPairs(text));
  return { value, format: recogniseInbound(value) };
}
