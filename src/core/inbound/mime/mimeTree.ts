import type PostalMime from 'postal-mime';

/**
 * A parsed e-mail as a tree of MIME parts, from postal-mime. Postal's Hash format is built by
 * the Mail gem from the message's parts (the first `text/plain` part that is not an attachment,
 * each attachment's own `Content-Type` header…), which postal-mime's summary (`Email`) flattens
 * away; its parser keeps the tree, which this module reads.
 */
export interface MimePart {
  /** Unfolded header values, names as written, in order. */
  headers: readonly { name: string; value: string }[];
  /** `text/plain`, lower case; empty when the part has no Content-Type. */
  mimeType: string;
  /** The Content-Type's parameters (`charset`, `name`, `boundary`…), as written. */
  typeParams: Readonly<Record<string, string>>;
  /** The Content-Type header as written (empty when there is none). */
  contentTypeHeader: string;
  /** `attachment`, `inline`, or empty. */
  disposition: string;
  dispositionParams: Readonly<Record<string, string>>;
  /** `base64`, `quoted-printable`, `7bit`…, lower case; empty when the part names none. */
  transferEncoding: string;
  /**
   * The body with its transfer encoding undone. postal-mime reads a text body line by line and
   * ends every line with `\n` (base64 bodies are exact bytes), see `textOf`.
   */
  content: Uint8Array;
  children: readonly MimePart[];
  /** True for a part of a multipart, whose last line break belongs to the boundary after it. */
  inMultipart: boolean;
}

export interface ParsedMime {
  /** postal-mime's summary: decoded headers, addresses, text, HTML, attachments. */
  email: PostalMime.Email;
  root: MimePart;
  /** postal-mime's RFC 2047 decoder (`=?UTF-8?Q?Caf=C3=A9?=` → `Café`). */
  decodeWords(text: string): string;
}

/** What postal-mime's parser holds after `parse` (its `root`, marked internal in its sources). */
interface ParserNode {
  headers?: { originalKey?: string; key: string; value: string }[];
  contentType: { value: string; parsed: { value: string; params: Record<string, string> }; multipart: string | false };
  contentDisposition: { parsed: { value: string; params: Record<string, string> } };
  contentTransferEncoding: { encoding: string };
  content: ArrayBuffer | null;
  childNodes: ParserNode[];
}

interface PostalMimeLibrary {
  PostalMime: typeof PostalMime;
  decodeWords(text: string): string;
}

/** postal-mime, loaded the first time a message is parsed: nothing else needs it. */
let library: Promise<PostalMimeLibrary> | undefined;
function postalMime(): Promise<PostalMimeLibrary> {
  library ??= import('postal-mime').then((module) => {
    // Its ES module has named exports; its CommonJS build is the class with them attached.
    const exports = module as unknown as { default?: typeof PostalMime; decodeWords?: (text: string) => string };
    const PostalMimeClass = exports.default ?? (module as unknown as typeof PostalMime);
    return { PostalMime: PostalMimeClass, decodeWords: exports.decodeWords ?? PostalMimeClass.decodeWords };
  });
  return library;
}

/**
 * Parses raw message bytes. Attached messages stay attachments (as in the Mail gem). Rejects
 * when postal-mime does (nesting or headers beyond its limits) or its tree is missing.
 */
export async function parseMime(raw: Uint8Array): Promise<ParsedMime> {
  const { PostalMime: PostalMimeClass, decodeWords } = await postalMime();
  const parser = new PostalMimeClass({ forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
  const email = await parser.parse(raw);
  const root = (parser as unknown as { root?: ParserNode }).root;
  if (root?.contentType === undefined || !Array.isArray(root.childNodes)) throw new Error('postal-mime did not keep the MIME tree this version expects');
  return { email, root: toPart(root, false), decodeWords };
}

function toPart(node: ParserNode, inMultipart: boolean): MimePart {
  const multipart = node.contentType.multipart !== false;
  const headers = (node.headers ?? []).map((header) => ({ name: header.originalKey ?? header.key, value: header.value }));
  // postal-mime calls a part without the header 8bit; the Mail gem, 7bit: which one matters for line endings.
  const declared = headers.some((header) => header.name.toLowerCase() === 'content-transfer-encoding');
  return {
    headers,
    mimeType: node.contentType.value === '' ? '' : node.contentType.parsed.value.toLowerCase(),
    typeParams: node.contentType.parsed.params,
    contentTypeHeader: node.contentType.value,
    disposition: node.contentDisposition.parsed.value.toLowerCase(),
    dispositionParams: node.contentDisposition.parsed.params,
    transferEncoding: declared ? node.contentTransferEncoding.encoding.toLowerCase() : '',
    content: node.content === null ? new Uint8Array(0) : new Uint8Array(node.content),
    children: node.childNodes.map((child) => toPart(child, multipart)),
    inMultipart,
  };
}

/**
 * A part's body bytes as the Mail gem decodes them from a message Postal stored (CRLF line
 * endings), without the line break that belongs to the next boundary: base64 bodies are exact;
 * `7bit` ones (the default) come out with `\n` line endings, as the Mail gem writes them; the
 * others (`8bit`, `binary`, quoted-printable) keep the stored `\r\n`.
 */
export function mailBodyBytes(part: MimePart): Buffer {
  const bytes = Buffer.from(part.content.buffer, part.content.byteOffset, part.content.byteLength);
  if (part.transferEncoding === 'base64') return bytes;
  let text = bytes.toString('latin1');
  if (part.inMultipart && text.endsWith('\n')) text = text.slice(0, -1);
  if (part.transferEncoding === '7bit' || part.transferEncoding === '') return Buffer.from(text, 'latin1');
  return Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1');
}

/** A part's body as text: its charset decoded (invalid bytes replaced), as Postal's Mail extension does. */
export function textOf(part: MimePart): string {
  const bytes = mailBodyBytes(part);
  const charset = part.typeParams.charset ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
