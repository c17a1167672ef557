import { mailBodyBytes, type MimePart, type ParsedMime, textOf } from './mimeTree';

/**
 * A stored message as Postal reads it through the Mail gem and its own extensions
 * (`config/initializers/mail_extensions.rb`, `lib/postal/message_db/message.rb`):
 * - `plainBody`: the first `text/plain` part that is not an attachment, in a multipart message;
 *   else the whole body when the message is `text/plain` or has no type; else null;
 * - `htmlBody`: the same with `text/html` (no untyped case);
 * - `attachments`: leaf parts with a file name (or attached messages) under the top-level parts;
 *   a message that is not multipart has none, even if it is one file (a known Postal bug, postalserver/postal#2727).
 */
export interface MailView {
  /** The decoded values of every header called `name`, in order (only the last, for fields a message has once). */
  header(name: string): string[];
  plainBody: string | null;
  htmlBody: string | null;
  attachments: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  /** `text/plain`: the Mail gem's `mime_type`. */
  mimeType: string;
  /** `text/plain; charset=UTF-8; name=test.txt`: the Mail gem's `content_type`, as form bodies carry it. */
  contentType: string;
  /** The decoded bytes. */
  data: Buffer;
}

export function mailView(parsed: ParsedMime, randomName: () => string = randomEmlName): MailView {
  const root = parsed.root;
  const multipart = root.mimeType.startsWith('multipart/');
  const leafText = (type: string): string | null => {
    const part = multipart ? allParts(root).find((candidate) => candidate.mimeType === type && !isAttachment(candidate)) : undefined;
    if (part !== undefined) return textOf(part);
    if (root.mimeType === type || (type === 'text/plain' && root.mimeType === '')) return textOf(root);
    return null;
  };
  return {
    header: (name) => {
      const values = root.headers.filter((header) => header.name.toLowerCase() === name.toLowerCase()).map((header) => parsed.decodeWords(header.value));
      return SINGLE_FIELDS.has(name.toLowerCase()) ? values.slice(-1) : values;
    },
    plainBody: leafText('text/plain'),
    htmlBody: leafText('text/html'),
    attachments: attachmentParts(root.children).map((part) => ({
      filename: filenameOf(part) ?? randomName(),
      mimeType: part.mimeType,
      contentType: mailContentType(part),
      data: mailBodyBytes(part),
    })),
  };
}

/**
 * Fields a message may have once (the Mail gem's `LIMITED_FIELDS`): the gem keeps only the last
 * of each, so Postal's `reply_to` array never has more than one entry.
 */
const SINGLE_FIELDS = new Set(['date', 'from', 'sender', 'reply-to', 'to', 'cc', 'bcc', 'message-id', 'in-reply-to', 'references', 'subject', 'return-path', 'content-type', 'mime-version', 'content-transfer-encoding', 'content-description', 'content-id', 'content-disposition', 'content-location']);

/** Every part below `part`, parents before children (the Mail gem's `all_parts`). */
function allParts(part: MimePart): MimePart[] {
  return part.children.flatMap((child) => [child, ...allParts(child)]);
}

/** Postal's `AttachmentsList`: each leaf that is an attachment, else the attachments inside. */
function attachmentParts(parts: readonly MimePart[]): MimePart[] {
  return parts.flatMap((part) => (part.children.length === 0 ? (isAttachment(part) ? [part] : []) : attachmentParts(part.children)));
}

/** The Mail gem's `attachment?`: the part names a file, or is an attached message. */
function isAttachment(part: MimePart): boolean {
  return filenameOf(part) !== undefined || part.mimeType === 'message/rfc822';
}

function filenameOf(part: MimePart): string | undefined {
  return part.typeParams.name ?? part.dispositionParams.filename ?? headerOf(part, 'content-location');
}

function headerOf(part: MimePart, name: string): string | undefined {
  return part.headers.find((header) => header.name.toLowerCase() === name)?.value.trim() || undefined;
}

/** Postal names an attached message without a file name `<random number>.eml`. */
function randomEmlName(): string {
  return `${Math.floor(Math.random() * 100_000_000)}.eml`;
}

/** What needs quotes in a MIME parameter value (RFC 2045 `tspecials`, space and controls). */
const NEEDS_QUOTES = /[()<>@,;:\\"/[\]?=\s]/;
const needsQuotes = (value: string): boolean => NEEDS_QUOTES.test(value) || [...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/** The Content-Type as the Mail gem renders it: type in lower case, `; name=value` pairs, quotes only where needed. */
export function mailContentType(part: MimePart): string {
  if (part.mimeType === '') return 'text/plain';
  const params = Object.entries(part.typeParams).map(([name, value]) => `${name}=${needsQuotes(value) ? JSON.stringify(value) : value}`);
  return [part.mimeType, ...params].join('; ');
}
