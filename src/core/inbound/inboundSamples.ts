import { type InboundFormat } from './inboundFormat';
import { encode64 } from './rubyBase64';
import { storedMessage, withReceivedHeader, smtpData } from './storedMessage';

/**
 * What Postal 3.3.6 sent for one e-mail (the reference request: Hash format, attachments on,
 * strip replies off), as an object. A realistic value for every field, for fixes and samples.
 */
export function inboundHashSample(): Record<string, unknown> {
  return {
    id: 4711,
    rcpt_to: 'support@example.com',
    mail_from: 'john@example.net',
    token: 'q3VwXy7RtN2bKd8L',
    subject: 'Re: Your order #1234',
    message_id: 'CAF1234abcd@mail.example.net',
    timestamp: 1714468502.482913,
    size: '1282',
    spam_status: 'NotSpam',
    bounce: false,
    received_with_ssl: true,
    to: 'Support <support@example.com>',
    cc: 'team@example.net',
    from: 'John Doe <john@example.net>',
    date: 'Tue, 30 Apr 2024 10:15:00 +0100',
    in_reply_to: '<order-1234@example.com>',
    references: '<order-1234@example.com>',
    html_body: '<p>Thanks, the parcel arrived safely. Café &amp; co.</p>\r\n',
    attachment_quantity: 1,
    auto_submitted: null,
    reply_to: ['John Doe <john.reply@example.net>'],
    plain_body: 'Thanks, the parcel arrived safely. Café & co.\r\n\r\nOn Mon, 29 Apr 2024 at 09:00, Example Shop <orders@example.com> wrote:\r\n> Your order #1234 has shipped.\r\n',
    attachments: [{ filename: 'test.txt', content_type: 'text/plain', size: 12, data: 'SGVsbG8gd29ybGQh\n' }],
  };
}

const SENT_MESSAGE = [
  'From: John Doe <john@example.net>',
  'To: Support <support@example.com>',
  'Subject: Where is my order?',
  'Date: Tue, 30 Apr 2024 10:15:00 +0100',
  'Message-ID: <CAF5678efgh@mail.example.net>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=UTF-8',
  '',
  'Hello, my order #1234 has not arrived yet.',
].join('\r\n');

/** A RawMessage for a short plain-text e-mail, stored as Postal stores it. */
export function inboundRawSample(): Record<string, unknown> {
  const received = withReceivedHeader(smtpData(Buffer.from(SENT_MESSAGE, 'utf8')), { helo: 'mail.example.net', reverseDns: 'mail.example.net', ip: '192.0.2.10', host: 'mx.postal.example.com', time: 1714468502 });
  return { id: 4712, rcpt_to: 'support@example.com', mail_from: 'john@example.net', message: encode64(storedMessage(received)), base64: true, size: received.length };
}

export function inboundSample(format: InboundFormat): Record<string, unknown> {
  return format === 'hash' ? inboundHashSample() : inboundRawSample();
}
