import * as assert from 'node:assert/strict';
import { composeFromEml } from '../../../src/core/inbound/composeFromEml';
import { inboundHashSample } from '../../../src/core/inbound/inboundSamples';
import { parseInboundMail } from '../../../src/core/inbound/parsedMail';
import { SAMPLE_ROW, sampleStoredMessage, sentEmails } from './inboundFixtures';

describe('inbound e-mail read for people', () => {
  it('reads a Hash: headers, bodies, and attachments decoded only when asked', async () => {
    const mail = await parseInboundMail(inboundHashSample(), 'hash');
    assert.deepEqual([mail.from, mail.to, mail.cc, mail.replyTo, mail.subject, mail.messageId, mail.inReplyTo], ['John Doe <john@example.net>', 'Support <support@example.com>', 'team@example.net', ['John Doe <john.reply@example.net>'], 'Re: Your order #1234', 'CAF1234abcd@mail.example.net', '<order-1234@example.com>']);
    assert.match(mail.htmlBody ?? '', /<p>Thanks/);
    assert.deepEqual(mail.attachments.map((attachment) => [attachment.filename, attachment.contentType, attachment.size, attachment.data()?.toString()]), [['test.txt', 'text/plain', 12, 'Hello world!']]);
    assert.deepEqual(mail.notes, ['size (1282 bytes) is the message as Postal received it, Received header included, before its spam-check headers were added.']);
  });

  it('reads a RawMessage through its MIME, and says which headers Postal added and why size differs', async () => {
    const { payload } = await composeFromEml(sampleStoredMessage(), { format: 'raw', encoding: 'json', asStored: true, ...SAMPLE_ROW });
    const mail = await parseInboundMail(payload, 'raw');
    assert.deepEqual([mail.subject, mail.from, mail.replyTo, mail.messageId], ['Re: Your order #1234', 'John Doe <john@example.net>', ['John Doe <john.reply@example.net>'], '<CAF1234abcd@mail.example.net>']);
    assert.equal(mail.plainBody, 'Thanks, the parcel arrived safely. Café & co.\r\n\r\nOn Mon, 29 Apr 2024 at 09:00, Example Shop <orders@example.com> wrote:\r\n> Your order #1234 has shipped.\r\n');
    assert.equal(mail.attachments[0].data()?.toString(), 'Hello world!');
    assert.ok(mail.headers.some((header) => header.name === 'X-Postal-Spam-Score' && header.value === '0'));
    assert.deepEqual(mail.notes, [
      'Postal added X-Postal-Spam, X-Postal-Spam-Threshold, X-Postal-Spam-Score, X-Postal-Threat, Received to the message as it was sent.',
      'size (1282 bytes) is the message as Postal received it; the decoded message has 1376 bytes with the spam-check headers Postal added (1282 without them).',
    ]);
  });

  it('notes attachment data left out, counts that do not add up, and a message that is a single file', async () => {
    const { attachments: _attachments, ...withoutData } = inboundHashSample();
    assert.match((await parseInboundMail(withoutData, 'hash')).notes[0], /counted 1 attachment\(s\) but sent no attachment data/);
    assert.match((await parseInboundMail({ ...inboundHashSample(), attachment_quantity: 2 }, 'hash')).notes[0], /attachment_quantity is 2 but 1 attachment\(s\) came/);
    const single = sentEmails().find((email) => email.name === 'single-file.eml');
    assert.ok(single);
    const { payload } = await composeFromEml(single.bytes, { format: 'raw', encoding: 'json' });
    assert.ok((await parseInboundMail(payload, 'raw')).notes.some((note) => note.includes('a single file, not multipart')));
  });

  it('refuses a RawMessage whose message is not base64', async () => {
    await assert.rejects(parseInboundMail({ id: 1, message: 'not base64!', base64: true }, 'raw'), /not base64/);
  });
});
