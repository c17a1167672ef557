import { type SpamStatus } from '../events/message';
import { type InboundEncoding } from './inboundFormat';
import { mailDate } from './mailDate';
import { type MailView } from './mime/mailView';
import { separateReplies } from './replySeparator';
import { encode64 } from './rubyBase64';

/** What Postal knows of a received message besides its text: its row in the message database. */
export interface MessageRow {
  id: number;
  token: string;
  /** Unix seconds (Postal keeps microseconds). */
  timestamp: number;
  /** Envelope RCPT TO and MAIL FROM. */
  rcptTo: string;
  mailFrom: string;
  /** Bytes of the message as received (see `receivedSize`). */
  size: number;
  spamStatus: SpamStatus;
  bounce: boolean;
  /** `true` after STARTTLS, else `null` (never `false`). */
  receivedWithSsl: true | null;
}

/** An HTTP endpoint's options that change the Hash (`strip_replies`, `include_attachments`). */
export interface EndpointOptions {
  stripReplies: boolean;
  includeAttachments: boolean;
}

/**
 * The Hash Postal builds for a message (`HTTPSender#parameters`), keys in its order. In form
 * encoding an attachment's `content_type` is the whole header value and `size` is text; in JSON
 * the bare MIME type and an integer.
 */
export function hashPayload(mail: MailView, row: MessageRow, endpoint: EndpointOptions, encoding: InboundEncoding): Record<string, unknown> {
  const last = (name: string): string | null => mail.header(name).at(-1) ?? null;
  const replyTo = mail.header('reply-to');
  const payload: Record<string, unknown> = {
    id: row.id,
    rcpt_to: row.rcptTo,
    mail_from: row.mailFrom,
    token: row.token,
    subject: Array.from(last('subject') ?? '').slice(0, 200).join(''),
    message_id: messageIdOf(last('message-id')),
    timestamp: row.timestamp,
    size: String(row.size),
    spam_status: row.spamStatus,
    bounce: row.bounce,
    received_with_ssl: row.receivedWithSsl,
    to: last('to'),
    cc: last('cc'),
    from: last('from'),
    date: mailDate(last('date')),
    in_reply_to: last('in-reply-to'),
    references: last('references'),
    html_body: mail.htmlBody,
    attachment_quantity: mail.attachments.length,
    auto_submitted: last('auto-submitted'),
    reply_to: replyTo.length === 0 ? null : replyTo,
  };
  if (endpoint.stripReplies) {
    const separated = separateReplies(mail.plainBody);
    payload.plain_body = separated.plainBody;
    payload.replies_from_plain_body = separated.replies;
  } else {
    payload.plain_body = mail.plainBody;
  }
  if (endpoint.includeAttachments) {
    payload.attachments = mail.attachments.map((attachment) => ({
      filename: attachment.filename,
      content_type: encoding === 'form' ? attachment.contentType : attachment.mimeType,
      size: encoding === 'form' ? String(attachment.data.length) : attachment.data.length,
      data: encode64(attachment.data),
    }));
  }
  return payload;
}

/** The RawMessage payload: the stored message itself, in base64. */
export function rawPayload(stored: Buffer, row: Pick<MessageRow, 'id' | 'rcptTo' | 'mailFrom' | 'size'>): Record<string, unknown> {
  return { id: row.id, rcpt_to: row.rcptTo, mail_from: row.mailFrom, message: encode64(stored), base64: true, size: row.size };
}

/** `message.rb`: everything up to the last `<` and from the next `>` removed, then stripped. */
function messageIdOf(header: string | null): string | null {
  if (header === null) return null;
  return header.replace(/.*</g, '').replace(/>.*/g, '').replace(/^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g, '');
}
