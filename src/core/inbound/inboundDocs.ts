import { type FieldDoc } from '../events/fieldDocs';

/**
 * What every field of Postal's HTTP-endpoint payloads means (`app/senders/http_sender.rb`,
 * Postal 3.3.6; the same since 2.0). The zod schemas attach these, so the JSON Schema's hovers,
 * the lint messages and the generated types all say the same thing.
 */

const HEADER_NULL = 'when the message has no such header';

export const INBOUND_HASH_DOCS = {
  id: { doc: "The message's id in the mail server's message database. Each endpoint of a route gets its own message, with its own `id` and `token`." },
  rcpt_to: {
    doc: 'The envelope recipient (`RCPT TO`) as received, `+tag` included; mail to a route\'s token address is rewritten to the route\'s own address.',
  },
  mail_from: { doc: 'The envelope sender (`MAIL FROM`) without `<>`; an empty string for null-sender mail (bounces, auto-replies).' },
  token: { doc: "The message's random token: 16 letters and digits (12 in Postal v2). Postal sends the same `id` and `token` again when it retries." },
  subject: { doc: 'The `Subject` header, decoded and cut to its first **200 characters**; an empty string when there is none.' },
  message_id: {
    doc: 'The `Message-ID` header **without** its angle brackets (unlike `in_reply_to`); `null` when the message has none.',
    nullWhen: 'when the message has no Message-ID header',
  },
  timestamp: { doc: 'When Postal received the message, Unix seconds with microseconds.' },
  size: {
    doc: 'The size in bytes of the message **as received**, as a **string** (`"1282"`): Postal stores it as text. It is smaller than the decoded RawMessage, which has the headers Postal added.',
  },
  spam_status: {
    doc: 'The spam check result. Incoming mail is always inspected first, so `NotChecked` is rare.',
    values: {
      NotChecked: 'Not inspected.',
      Spam: "Scored at or above the mail server's spam threshold (the route's spam mode let it through).",
      NotSpam: 'Scored below the spam threshold.',
    },
  },
  bounce: { doc: "`true` for mail that arrived at the server's return-path address through a `__returnpath__` route (a bounce Postal could not match to a message it sent)." },
  received_with_ssl: {
    doc: '`true` when the sender used STARTTLS; **`null`, never `false`**, for plain SMTP and for test messages made in Postal\'s web UI.',
    nullWhen: 'when the message did not arrive over TLS',
  },
  to: { doc: 'The last `To` header, decoded; `null` when there is none.', nullWhen: HEADER_NULL },
  cc: { doc: 'The last `Cc` header, decoded; `null` when there is none.', nullWhen: HEADER_NULL },
  from: { doc: 'The last `From` header, decoded, e.g. `John Doe <john@example.net>`; `null` when there is none.', nullWhen: HEADER_NULL },
  date: { doc: 'The last `Date` header as the Mail gem renders it, e.g. `Tue, 30 Apr 2024 10:15:00 +0100`; `null` when there is none.', nullWhen: HEADER_NULL },
  in_reply_to: { doc: 'The last `In-Reply-To` header, **with** its angle brackets; `null` when there is none.', nullWhen: HEADER_NULL },
  references: { doc: 'The last `References` header, angle brackets kept; `null` when there is none.', nullWhen: HEADER_NULL },
  html_body: {
    doc: 'The HTML part, decoded to UTF-8 (invalid bytes replaced); `null` for mail without one.',
    nullWhen: 'when the message has no HTML part',
  },
  attachment_quantity: {
    doc: 'How many attachments the message has (the same list as `attachments`), sent even when the endpoint leaves attachment data out. A message that is a single file, not multipart, counts 0 and has no attachments (postalserver/postal#2727): only the RawMessage format carries that file.',
  },
  auto_submitted: { doc: 'The last `Auto-Submitted` header (e.g. `auto-replied`); `null` when there is none.', nullWhen: HEADER_NULL },
  reply_to: {
    doc: 'Every `Reply-To` header, as an **array** of strings; `null` when there is none.',
    nullWhen: 'when the message has no Reply-To header',
  },
  plain_body: {
    doc: 'The plain-text part, decoded to UTF-8, line endings as in the message (usually `\\r\\n`); with *strip replies* on, only the new text (and `""` for mail without one).',
    nullWhen: 'when the message has no plain-text part',
  },
  replies_from_plain_body: {
    doc: 'Only with the endpoint\'s *strip replies* on: the quoted replies and signature cut out of `plain_body`; `null` when nothing was cut.',
    nullWhen: 'when nothing was cut out',
  },
  attachments: { doc: 'Only with the endpoint\'s *include attachments* on (the default): each attachment with its data in base64.' },
} as const satisfies Record<string, FieldDoc>;

export const INBOUND_ATTACHMENT_DOCS = {
  filename: { doc: "The attachment's file name (from `Content-Type`'s `name` or `Content-Disposition`'s `filename`)." },
  content_type: {
    doc: 'The MIME type (`text/plain`). In **form** encoding it is the whole `Content-Type` value, parameters included (`text/plain; charset=UTF-8; name=test.txt`).',
  },
  size: { doc: 'The decoded size in bytes (an integer in JSON, text in a form).' },
  data: { doc: 'The content in base64 as Ruby\'s `Base64.encode64` writes it: **a newline every 60 characters and one at the end**.' },
} as const satisfies Record<string, FieldDoc>;

export const INBOUND_RAW_DOCS = {
  id: INBOUND_HASH_DOCS.id,
  rcpt_to: INBOUND_HASH_DOCS.rcpt_to,
  mail_from: INBOUND_HASH_DOCS.mail_from,
  message: {
    doc: 'The whole message as Postal stored it, in base64 with a newline every 60 characters and at the end. It has the `Received` and `X-Postal-Spam*` headers Postal added, and CRLF line endings.',
  },
  base64: { doc: 'Always `true`: `message` is base64.' },
  size: { doc: 'The size in bytes of the message as received, as an **integer** here (a string in the Hash format).' },
} as const satisfies Record<string, FieldDoc>;
