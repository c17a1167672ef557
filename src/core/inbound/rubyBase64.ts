/** Ruby's `Base64.encode64` (`pack("m")`): 60 characters a line, every line ending in `\n`; `""` for no bytes. */
export function encode64(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let out = '';
  for (let start = 0; start < text.length; start += 60) out += `${text.slice(start, start + 60)}\n`;
  return out;
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
