import * as assert from 'node:assert/strict';
import { inboundPayloadFromEml } from '../../../src/core/inbound/inboundPayload';
import { inboundHashSample, inboundRawSample } from '../../../src/core/inbound/inboundSamples';
import { sampleEml } from '../../../src/core/inbound/sampleEml';
import { attachmentFileName, isTextAttachment } from '../../../src/core/inspector/attachmentFiles';
import { MAIL_FRAME_POLICY, mailFrameDocument, remoteReferences } from '../../../src/core/inspector/mailFrame';
import { MAIL_ACTION, mailPage, mailTitle } from '../../../src/core/inspector/mailPage';
import { readRecordMail } from '../../../src/core/inspector/readMail';
import { type WebhookRecord } from '../../../src/core/store';
import { inboundRecord } from '../helpers/inboundRecords';

/** A hostile HTML body: scripts, handlers, remote loads of every kind, a refresh, a form, a frame. */
export const HOSTILE_HTML = [
  '<script>parent.postMessage("pwned", "*")</script>',
  '<img src="x" onerror="parent.postMessage(\'pwned\', \'*\')">',
  '<img src="https://tracker.example/pixel.gif?u=1">',
  '<div style="background: url(\'//tracker.example/bg.png\')">styled</div>',
  '<link rel="stylesheet" href="https://tracker.example/style.css">',
  '<meta http-equiv="refresh" content="0; url=https://phish.example/">',
  '<form action="https://phish.example/steal"><input name="password" autofocus></form>',
  '<iframe src="https://phish.example/"></iframe>',
  '<a href="https://shop.example/">a link</a>',
  '"></iframe><script>alert(1)</script>',
].join('\n');

async function readOk(record: WebhookRecord) {
  const read = await readRecordMail(record);
  assert.ok(read.ok, read.ok ? '' : read.problem);
  return read.read;
}

function srcdocOf(markup: string): string {
  const match = /<iframe[^>]*srcdoc="([^"]*)"/.exec(markup);
  assert.ok(match, 'no mail frame');
  return match[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('the mail preview page', () => {
  it('shows a Hash mail: addresses, spam verdict, both bodies, the cut replies and the attachment with Open and Save', async () => {
    const record = await inboundRecord(inboundHashSample(), 'hash', 'form');
    const read = await readOk(record);
    const markup = mailPage(record, read).value;
    assert.match(markup, /<h1>Re: Your order #1234 <span class="pill ok">NotSpam<\/span><\/h1>/);
    assert.match(markup, /<dt>From<\/dt><dd>John Doe &lt;john@example.net&gt;<\/dd>/);
    assert.match(markup, /<dt>Reply-To<\/dt><dd>John Doe &lt;john.reply@example.net&gt;<\/dd>/);
    assert.match(markup, /MAIL FROM john@example.net → RCPT TO support@example.com/);
    assert.match(markup, /data-tab="html"[^>]*>HTML<.*data-tab="plain"[^>]*>Plain text</s);
    assert.match(markup, /<th scope="row">test.txt<\/th><td title="text\/plain">text\/plain<\/td><td class="size">12 B<\/td>/);
    assert.match(markup, /data-action="openAttachment" data-argument="0"/);
    assert.match(markup, /data-action="saveAttachment" data-argument="0"/);
    assert.match(markup, /Postal marks the mail Sent\./);
    assert.equal(read.mail.attachments[0].data()?.toString('utf8'), 'Hello world!');
    assert.deepEqual(Object.values(MAIL_ACTION).sort(), ['inspect', 'openAttachment', 'saveAttachment']);
  });

  it('reads a RawMessage through its MIME, with every header', async () => {
    const record = await inboundRecord(inboundRawSample(), 'raw');
    const markup = mailPage(record, await readOk(record)).value;
    assert.match(markup, /<h1>Where is my order\?<\/h1>/);
    assert.match(markup, /<th scope="row">Received<\/th>/);
    assert.match(markup, /Hello, my order #1234 has not arrived yet\./);
    assert.match(markup, /No attachments\./);
  });

  it('composes the sample e-mail with an HTML body, a remote logo held back and a text attachment', async () => {
    const payload = await inboundPayloadFromEml(sampleEml(new Date(Date.UTC(2026, 4, 1))), { format: 'hash', encoding: 'json' });
    const record = await inboundRecord(payload.value, 'hash');
    const read = await readOk(record);
    assert.equal(read.mail.attachments[0].filename, 'damage-report.txt');
    const markup = mailPage(record, read).value;
    assert.match(markup, /data-remote="1">1 remote image or style not loaded/);
    assert.match(srcdocOf(markup), /Espresso cups/);
    assert.match(markup, /<td title="text\/plain">text\/plain<\/td><td class="size">77 B<\/td>/);
    // Sent as a form, the attachment's content_type keeps its parameters: the column shows the media type alone.
    const form = await inboundPayloadFromEml(sampleEml(new Date(Date.UTC(2026, 4, 1))), { format: 'hash', encoding: 'form' });
    const formRecord = await inboundRecord(form.value, 'hash');
    assert.match(mailPage(formRecord, await readOk(formRecord)).value, /<td title="text\/plain; charset=UTF-8; name=damage-report.txt">text\/plain<\/td>/);
  });

  it('puts a hostile HTML body only in a frame with no permissions, under a policy that loads nothing remote', async () => {
    const record = await inboundRecord({ ...inboundHashSample(), html_body: HOSTILE_HTML, subject: '<script>alert(1)</script>' }, 'hash');
    const markup = mailPage(record, await readOk(record)).value;
    const outside = markup.replace(/<iframe[^>]*><\/iframe>/, '');
    const leaked = /<(script|img|form|meta|link|iframe)\b|<[^>]*\son\w+=/i.exec(outside);
    assert.equal(leaked, null, `mail markup outside the frame: ${outside.slice(Math.max(0, (leaked?.index ?? 0) - 200), (leaked?.index ?? 0) + 100)}`);
    assert.match(markup, /<iframe class="mail-frame" data-mail-frame sandbox="" /);
    assert.equal((markup.match(/<iframe/g) ?? []).length, 1);
    const document = srcdocOf(markup);
    assert.ok(document.startsWith(`<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${MAIL_FRAME_POLICY}">`));
    assert.ok(document.includes(HOSTILE_HTML), 'the frame gets the body as it came');
    assert.match(MAIL_FRAME_POLICY, /default-src 'none'; img-src data:;/);
    assert.doesNotMatch(MAIL_FRAME_POLICY, /script-src|https?:/);
    assert.match(markup, /data-remote="4">4 remote images or styles not loaded/);
  });

  it('counts remote loads but not links, and says when a body is too large to draw', async () => {
    assert.equal(remoteReferences('<a href="https://x.example/">x</a><img src="data:image/png;base64,AA"><img src=http://x.example/a.png><style>@import "//x.example/s.css"</style>'), 2);
    assert.equal(mailFrameDocument('<p>x</p>').endsWith('<body><p>x</p></body></html>'), true);
    const record = await inboundRecord({ ...inboundHashSample(), html_body: `<p>${'x'.repeat(2 * 1024 * 1024)}</p>` }, 'hash');
    const markup = mailPage(record, await readOk(record)).value;
    assert.match(markup, /too large to draw here/);
    assert.doesNotMatch(markup, /<iframe/);
  });

  it('says why a mail cannot be read instead of failing', async () => {
    const record = await inboundRecord(inboundHashSample(), 'hash');
    const truncated = { ...record, body: { ...record.body, truncated: true } };
    const read = await readRecordMail(truncated);
    assert.equal(read.ok, false);
    assert.match(read.ok ? '' : read.problem, /Only part of this request/);
    const broken = await readRecordMail({ ...record, body: { ...record.body, data: '{"id": ' } });
    assert.deepEqual(broken, { ok: false, problem: 'The body is not a JSON object, so its mail cannot be read.' });
    assert.equal(mailTitle(null), 'Mail: (no subject)');
    assert.equal(mailTitle('x'.repeat(60)), `Mail: ${'x'.repeat(39)}…`);
  });
});

describe('attachment files', () => {
  it('suggests a plain name in the chosen folder, whatever the sender wrote', () => {
    assert.equal(attachmentFileName('../../.bashrc', 0), 'bashrc');
    assert.equal(attachmentFileName('C:\\Windows\\evil.bat', 0), 'evil.bat');
    assert.equal(attachmentFileName('invoice\u202Etxt.exe', 0), 'invoice_txt.exe');
    assert.equal(attachmentFileName('CON.txt', 0), '_CON.txt');
    assert.equal(attachmentFileName('', 2), 'attachment-3');
    assert.equal(attachmentFileName('...', 0), 'attachment-1');
    const long = attachmentFileName(`${'a'.repeat(300)}.pdf`, 0);
    assert.equal(long.length, 120);
    assert.ok(long.endsWith('.pdf'));
  });

  it('opens text as text, by type or by content, and binary as a file', () => {
    assert.equal(isTextAttachment('text/plain', Buffer.from('hi')), true);
    assert.equal(isTextAttachment('application/octet-stream', Buffer.from('café', 'utf8')), true);
    assert.equal(isTextAttachment('application/octet-stream', Buffer.from([0xff, 0xfe, 0x41])), false);
    assert.equal(isTextAttachment('text/plain', Buffer.from([0x41, 0x00])), false);
    assert.equal(isTextAttachment('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])), false);
    assert.equal(isTextAttachment('application/octet-stream', Buffer.from(`${'a'.repeat(64 * 1024 - 1)}é`, 'utf8')), true);
  });
});
