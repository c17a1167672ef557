/** Ruby's `Base64.encode64` (`pack("m")`): 60 characters a line, every line ending in `\n`; `""` for no bytes. */
export function encode64(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let out = '';
  for (let start = 0; start < text.length; start += 60) out += `${text.slice(start, start + 60)}\n`;
  return out;
}

/**
 * True for base64 laid out as `encode64` writes it: every line 60 characters but the last (at
 * most 60, a multiple of 4), each ending in `\n`, padding only at the very end. A loop rather
 * than one regular expression: a body can hold megabytes of it, where a pattern of repeated
 * groups overflows V8's backtracking stack.
 */
export function isRubyBase64(text: string): boolean {
  if (text === '') return true;
  if (!text.endsWith('\n') || !/^[A-Za-z0-9+/\n]*={0,2}\n$/.test(text)) return false;
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const length = end - start;
    const last = end === text.length - 1;
    if (length === 0 || length % 4 !== 0 || (last ? length > 60 : length !== 60)) return false;
    start = end + 1;
  }
  return true;
}

/**
 * The bytes of base64 text, newlines and other whitespace ignored; undefined when it holds
 * anything else (Ruby's `decode64` would skip such characters silently, hiding the problem).
 */
export function decode64(text: string): Buffer | undefined {
  const compact = text.replace(/[\r\n\t ]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  return Buffer.from(compact, 'base64');
}
