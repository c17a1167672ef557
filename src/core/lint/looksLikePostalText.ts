import { looksLikePostalBody } from './documentShape';
import { parseDocument } from './parseDocument';

/**
 * Whether a `.json` text is a Postal webhook body, for files linted only when they look like
 * one. Broken JSON counts if what parses of it looks like a body, so a stray trailing comma
 * is still caught.
 */
export function looksLikePostalText(text: string): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  return looksLikePostalBody(parseDocument(text).value);
}
