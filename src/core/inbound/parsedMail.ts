import { isPlainObject } from '../jsonValue';
import { type InboundFormat } from './inboundFormat';
import { mailView } from './mime/mailView';
import { parseMime } from './mime/mimeTree';
import { decode64 } from './rubyBase64';
import { receivedSize } from './storedMessage';

/** One attachment, its bytes decoded only when asked for (they can be megabytes). */
export interface MailAttachmentInfo {
  filename: string;
  /** As the body gives it: a MIME type in JSON, the whole Content-Type value in a form. */
  contentType: string;
  /** The size the body declares (Hash), or the decoded size (Raw). */
  size: number;
  /** The decoded bytes; undefined when the body's base64 is broken. */
  data(): Buffer | undefined;
}

/**
 * An inbound e-mail as a reader sees it, from either format: the headers people look at, the
 * bodies, the replies Postal cut out, the attachments, and notes where Postal's payload differs
 * from what a reader would expect (sizes, the headers Postal added, attachments not sent).
 */
export interface ParsedMail {
  format: InboundFormat;
  subject: string | null;
  from: string | null;
  to: string | null;
  cc: string | null;
  replyTo: string[];
  date: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string | null;
  /** Every header of a RawMessage; for a Hash, only those Postal sends (as `Name: value`). */
  headers: { name: string; value: string }[];
  plainBody: string | null;
  htmlBody: string | null;
  /** `replies_from_plain_body`: what *strip replies* cut out of the plain body. */
  strippedReplies: string | null;
  attachments: MailAttachmentInfo[];
  /** Sentences about what differs from what a reader expects, for the places users trip. */
  notes: string[];
}

/** Header names Postal itself puts on a message it receives. */
const POSTAL_ADDED = /^(?:received|x-postal-spam|x-postal-spam-threshold|x-postal-spam-score|x-postal-threat)$/i;

/**
 * Reads an inbound body (as JSON gives it: for a form, `typedFormValue` first) into a
 * `ParsedMail`. A RawMessage's MIME is parsed with postal-mime; rejects when it cannot be.
 */
export async function parseInboundMail(value: Record<string, unknown>, format: InboundFormat): Promise<ParsedMail> {
  return format === 'hash' ? fromHash(value) : fromRaw(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function fromHash(value: Record<string, unknown>): ParsedMail {
  const attachments = (Array.isArray(value.attachments) ? value.attachments : []).filter(isPlainObject).map(
    (attachment): MailAttachmentInfo => ({
      filename: text(attachment.filename) ?? '',
      contentType: text(attachment.content_type) ?? '',
      size: typeof attachment.size === 'number' ? attachment.size : Number(attachment.size ?? 0),
      data: () => (typeof attachment.data === 'string' ? decode64(attachment.data) : undefined),
    }),
  );
  const replyTo = Array.isArray(value.reply_to) ? value.reply_to.filter((item): item is string => typeof item === 'string') : [];
  const shown: [string, unknown][] = [['From', value.from], ['To', value.to], ['Cc', value.cc], ...replyTo.map((item): [string, unknown] => ['Reply-To', item]), ['Date', value.date], ['Subject', value.subject], ['Message-ID', value.message_id], ['In-Reply-To', value.in_reply_to], ['References', value.references], ['Auto-Submitted', value.auto_submitted]];
  return {
    format: 'hash',
    subject: text(value.subject),
    from: text(value.from),
    to: text(value.to),
    cc: text(value.cc),
    replyTo,
    date: text(value.date),
    messageId: text(value.message_id),
    inReplyTo: text(value.in_reply_to),
    references: text(value.references),
    headers: shown.filter(([, item]) => typeof item === 'string').map(([name, item]) => ({ name, value: item as string })),
    plainBody: text(value.plain_body),
    htmlBody: text(value.html_body),
    strippedReplies: text(value.replies_from_plain_body),
    attachments,
    notes: hashNotes(value, attachments),
  };
}

function hashNotes(value: Record<string, unknown>, attachments: MailAttachmentInfo[]): string[] {
  const notes: string[] = [];
  const quantity = typeof value.attachment_quantity === 'number' ? value.attachment_quantity : undefined;
  if (!Object.hasOwn(value, 'attachments') && quantity !== undefined && quantity > 0) {
    notes.push(`Postal counted ${quantity} attachment(s) but sent no attachment data: the endpoint's "Attachments" option is "Don't include attachment data".`);
  } else if (quantity !== undefined && quantity !== attachments.length) {
    notes.push(`attachment_quantity is ${quantity} but ${attachments.length} attachment(s) came: Postal counts and sends the same list, so the body was changed after Postal made it.`);
  }
  for (const attachment of attachments) {
    const decoded = attachment.data();
    if (decoded === undefined) notes.push(`The data of ${attachment.filename} is not base64.`);
    else if (decoded.length !== attachment.size) notes.push(`${attachment.filename} declares ${attachment.size} bytes but its data decodes to ${decoded.length}.`);
  }
  if (typeof value.size === 'string') notes.push(`size (${value.size} bytes) is the message as Postal received it, Received header included, before its spam-check headers were added.`);
  return notes;
}

async function fromRaw(value: Record<string, unknown>): Promise<ParsedMail> {
  const bytes = typeof value.message === 'string' ? decode64(value.message) : undefined;
  if (bytes === undefined) throw new Error('The message is not base64, so it cannot be read.');
  const parsed = await parseMime(bytes);
  const mail = mailView(parsed, () => 'attached-message.eml');
  const last = (name: string): string | null => mail.header(name).at(-1) ?? null;
  const headers = parsed.root.headers.map((header) => ({ name: header.name, value: parsed.decodeWords(header.value) }));
  const notes: string[] = [];
  const added = headers.filter((header) => POSTAL_ADDED.test(header.name)).map((header) => header.name);
  if (added.length > 0) notes.push(`Postal added ${[...new Set(added)].join(', ')} to the message as it was sent.`);
  if (mail.attachments.length === 0 && parsed.email.attachments.length > 0 && !parsed.root.mimeType.startsWith('multipart/')) {
    notes.push('The message is a single file, not multipart: in the Hash format Postal would send no attachment and count 0 (postalserver/postal#2727); only this raw format carries the file.');
  }
  if (typeof value.size === 'number' && value.size !== bytes.length) {
    notes.push(`size (${value.size} bytes) is the message as Postal received it; the decoded message has ${bytes.length} bytes with the spam-check headers Postal added (${receivedSize(bytes)} without them).`);
  }
  return {
    format: 'raw',
    subject: last('subject'),
    from: last('from'),
    to: last('to'),
    cc: last('cc'),
    replyTo: mail.header('reply-to'),
    date: last('date'),
    messageId: last('message-id'),
    inReplyTo: last('in-reply-to'),
    references: last('references'),
    headers,
    plainBody: mail.plainBody,
    htmlBody: mail.htmlBody,
    strippedReplies: null,
    attachments: mail.attachments.map((attachment) => ({ filename: attachment.filename, contentType: attachment.mimeType, size: attachment.data.length, data: () => attachment.data })),
    notes,
  };
}
