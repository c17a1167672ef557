import * as z from 'zod/mini';
import { documented } from '../events/documented';
import { SPAM_STATUSES } from '../events/message';
import { looseObject, nullableString, tokenSchema } from '../events/primitives';
import { withMeta } from '../events/schemaReflection';
import { onFirstUse } from '../onFirstUse';
import { INBOUND_ATTACHMENT_DOCS as ATTACHMENT, INBOUND_HASH_DOCS as HASH, INBOUND_RAW_DOCS as RAW } from './inboundDocs';
import { isRubyBase64 } from './rubyBase64';

/**
 * Base64 as Ruby's `Base64.encode64` writes it: lines of 60 characters, each ending in `\n`, the
 * last one shorter (and padded); empty data is the empty string. Postal sends attachment data
 * and raw messages this way, and a receiver that expects `strict_encode64` text trips on it.
 * The pattern is for the JSON Schema (editors check small files with it); the schemas check
 * with `isRubyBase64`, which copes with megabytes.
 */
export const RUBY_BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{60}\n)*(?:(?:[A-Za-z0-9+/]{4}){0,14}(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)\n)?$/;
/** Postal writes a Message-ID without its angle brackets. */
export const MESSAGE_ID_PATTERN = /^[^<>]*$/;
/** In-Reply-To keeps the brackets of the header. */
export const IN_REPLY_TO_PATTERN = /^<.*>$/;
/** `messages.size` is a varchar column holding a byte count. */
export const SIZE_TEXT_PATTERN = /^\d+$/;
/** Postal keeps the first 200 characters of a subject (`message.rb`). */
export const INBOUND_SUBJECT_LIMIT = 200;

export const FORMAT_TEXT = {
  base64: "base64 with a newline every 60 characters and at the end (Ruby's Base64.encode64)",
  messageId: 'the Message-ID without its angle brackets',
  inReplyTo: 'a message id in angle brackets, as in the header',
  size: 'a byte count written as a string, e.g. "1282"',
} as const;

function patterned(pattern: RegExp, expectation: string) {
  const text = z.string().check(z.regex(pattern, { error: expectation }));
  return withMeta(text, { patternErrorMessage: `Must be ${expectation}.` });
}

function base64Text() {
  const text = z.string().check(z.refine(isRubyBase64, { error: FORMAT_TEXT.base64 }));
  return withMeta(text, { pattern: RUBY_BASE64_PATTERN.source, patternErrorMessage: `Must be ${FORMAT_TEXT.base64}.` });
}

/** One entry of `attachments` in the Hash format (JSON encoding; a form carries the same as text). */
export const inboundAttachmentSchema = onFirstUse(() => withMeta(
  looseObject({
    filename: documented(z.string(), ATTACHMENT.filename),
    content_type: documented(z.string(), ATTACHMENT.content_type),
    size: documented(z.int().check(z.nonnegative()), ATTACHMENT.size),
    data: documented(base64Text(), ATTACHMENT.data),
  }),
  { id: 'PostalInboundAttachment', title: 'Postal inbound attachment' },
));

/**
 * The Hash format of an HTTP endpoint (`HTTPSender#parameters`), keys in Postal's order, with
 * Postal's quirks: `size` a string, `received_with_ssl` true or null (never false), `reply_to` an
 * array, `message_id` without brackets and `in_reply_to` with them, the subject cut at 200.
 * `replies_from_plain_body` comes only with *strip replies*, `attachments` only with attachments on.
 */
export const inboundHashSchema = onFirstUse(() => withMeta(
  looseObject({
    id: documented(z.int(), HASH.id),
    rcpt_to: documented(z.string(), HASH.rcpt_to),
    mail_from: documented(z.string(), HASH.mail_from),
    token: documented(tokenSchema(), HASH.token),
    subject: documented(z.string().check(z.maxLength(INBOUND_SUBJECT_LIMIT)), HASH.subject),
    message_id: documented(z.nullable(patterned(MESSAGE_ID_PATTERN, FORMAT_TEXT.messageId)), HASH.message_id),
    timestamp: documented(z.number(), HASH.timestamp),
    size: documented(patterned(SIZE_TEXT_PATTERN, FORMAT_TEXT.size), HASH.size),
    spam_status: documented(z.enum(SPAM_STATUSES), HASH.spam_status),
    bounce: documented(z.boolean(), HASH.bounce),
    received_with_ssl: documented(z.nullable(z.literal(true)), HASH.received_with_ssl),
    to: documented(nullableString(), HASH.to),
    cc: documented(nullableString(), HASH.cc),
    from: documented(nullableString(), HASH.from),
    date: documented(nullableString(), HASH.date),
    in_reply_to: documented(z.nullable(patterned(IN_REPLY_TO_PATTERN, FORMAT_TEXT.inReplyTo)), HASH.in_reply_to),
    references: documented(nullableString(), HASH.references),
    html_body: documented(nullableString(), HASH.html_body),
    attachment_quantity: documented(z.int().check(z.nonnegative()), HASH.attachment_quantity),
    auto_submitted: documented(nullableString(), HASH.auto_submitted),
    reply_to: documented(z.nullable(z.array(z.string())), HASH.reply_to),
    plain_body: documented(nullableString(), HASH.plain_body),
    replies_from_plain_body: documented(z.optional(nullableString()), HASH.replies_from_plain_body),
    attachments: documented(z.optional(z.array(inboundAttachmentSchema())), HASH.attachments),
  }),
  { id: 'PostalInboundMessage', title: 'Postal inbound message (Hash format)' },
));
export type InboundHash = z.infer<ReturnType<typeof inboundHashSchema>>;
export type InboundAttachment = z.infer<ReturnType<typeof inboundAttachmentSchema>>;

/** The RawMessage format: the stored message in base64, `size` an integer here. */
export const inboundRawSchema = onFirstUse(() => withMeta(
  looseObject({
    id: documented(z.int(), RAW.id),
    rcpt_to: documented(z.string(), RAW.rcpt_to),
    mail_from: documented(z.string(), RAW.mail_from),
    message: documented(base64Text(), RAW.message),
    base64: documented(z.literal(true), RAW.base64),
    size: documented(z.int().check(z.nonnegative()), RAW.size),
  }),
  { id: 'PostalInboundRawMessage', title: 'Postal inbound message (RawMessage format)' },
));
export type InboundRaw = z.infer<ReturnType<typeof inboundRawSchema>>;

/** The keys of each format, in the order Postal writes them. */
export const INBOUND_KEYS = {
  hash: onFirstUse((): readonly string[] => Object.keys(inboundHashSchema().shape)),
  raw: onFirstUse((): readonly string[] => Object.keys(inboundRawSchema().shape)),
  attachment: onFirstUse((): readonly string[] => Object.keys(inboundAttachmentSchema().shape)),
};
