/**
 * A sample e-mail as a sender's client writes it: a reply with a plain and an HTML body (with
 * its own styles and a remote logo, as newsletters and signatures have) and a small text
 * attachment. "Send Test Inbound Mail" turns it into the request Postal would make.
 */
export function sampleEml(now = new Date()): Buffer {
  const boundary = 'postal-sample-mixed';
  const alternative = 'postal-sample-alternative';
  const html = [
    '<div style="font-family: Helvetica, Arial, sans-serif; font-size: 14px; color: #222">',
    '<p>Hello,</p>',
    '<p>The parcel for order <b>#1234</b> arrived, but one item was <span style="color: #b00020">damaged</span>. A photo report is attached.</p>',
    '<table style="border-collapse: collapse"><tr><td style="border: 1px solid #ccc; padding: 4px 8px">Order</td><td style="border: 1px solid #ccc; padding: 4px 8px">#1234</td></tr>',
    '<tr><td style="border: 1px solid #ccc; padding: 4px 8px">Item</td><td style="border: 1px solid #ccc; padding: 4px 8px">Espresso cups (set of 4)</td></tr></table>',
    '<p>Thanks,<br>John Doe</p>',
    '<img src="https://shop.example.net/logo.png" alt="Example Shop" width="120">',
    '</div>',
  ].join('\r\n');
  const lines = [
    'From: John Doe <john@example.net>',
    'To: Support <support@example.com>',
    'Subject: Damaged item in order #1234',
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <sample-${now.getTime()}@mail.example.net>`,
    'In-Reply-To: <order-1234@example.com>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    '',
    `--${alternative}`,
    'Content-Type: text/plain; charset=UTF-8',
    '',
    'Hello,',
    '',
    'The parcel for order #1234 arrived, but one item was damaged. A photo report is attached.',
    '',
    'Thanks,',
    'John Doe',
    '',
    `--${alternative}`,
    'Content-Type: text/html; charset=UTF-8',
    '',
    html,
    '',
    `--${alternative}--`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8; name="damage-report.txt"',
    'Content-Disposition: attachment; filename="damage-report.txt"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('Order #1234\nItem: espresso cups (set of 4)\nDamage: one cup broken in transit\n', 'utf8').toString('base64'),
    '',
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
