import { attachmentWords, fromTo } from '../explorer/inboundRows';
import { localDateTime } from '../explorer/relativeTime';
import { type MailAttachmentInfo, type ParsedMail } from '../inbound/parsedMail';
import { type WebhookRecord } from '../store';
import { actionBar, checkList, type CheckRow, facts, headerTable, pill, section, type Tone } from '../webview/fragments';
import { attr, type Html, html, type HtmlValue } from '../webview/html';
import { MAX_FRAME_CHARS, mailFrame, remoteReferences } from './mailFrame';
import { type RecordMail } from './readMail';
import { answerCheck, signatureCheck } from './requestChecks';

/** What the mail preview's buttons ask for; attachments pass their index as the argument. */
export const MAIL_ACTION = {
  inspect: 'inspect',
  openAttachment: 'openAttachment',
  saveAttachment: 'saveAttachment',
} as const;

/** The tab title: the subject, shortened. */
export function mailTitle(subject: string | null | undefined): string {
  const text = subject === null || subject === undefined || subject.trim() === '' ? '(no subject)' : subject.trim();
  return `Mail: ${text.length > 40 ? `${text.slice(0, 39)}…` : text}`;
}

/** `1.2 KB`, `340 B`: a size for people. */
export function byteSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const SPAM_TONES: Record<string, Tone> = { NotSpam: 'ok', Spam: 'bad', FailedCheck: 'warn', NotChecked: 'info' };

/** What Postal decided about the mail before posting it, and what it makes of our answer. */
function verdictChecks(record: WebhookRecord, mail: RecordMail): CheckRow[] {
  const spam = typeof mail.value.spam_status === 'string' ? mail.value.spam_status : undefined;
  const rows: CheckRow[] = [];
  if (spam !== undefined) rows.push({ name: 'Spam check', tone: SPAM_TONES[spam] ?? 'info', verdict: spam, detail: spam === 'Spam' ? "Postal's spam check flagged this mail; the route still passed it on." : undefined });
  if (mail.value.bounce === true) rows.push({ name: 'Bounce', tone: 'warn', verdict: 'Bounce', detail: 'This mail came back to a return path: a bounce of a message your server sent.' });
  rows.push(signatureCheck(record), answerCheck(record));
  return rows;
}

function addressRows(mail: ParsedMail, value: Record<string, unknown>): (readonly [string, HtmlValue])[] {
  const text = (field: unknown): string | undefined => (typeof field === 'string' && field !== '' ? field : undefined);
  const rows: [string, string | undefined][] = [
    ['From', mail.from ?? undefined],
    ['To', mail.to ?? undefined],
    ['Cc', mail.cc ?? undefined],
    ['Reply-To', mail.replyTo.length > 0 ? mail.replyTo.join(', ') : undefined],
    ['Date', mail.date ?? undefined],
    ['Envelope', text(value.mail_from) === undefined && text(value.rcpt_to) === undefined ? undefined : `MAIL FROM ${text(value.mail_from) ?? '(none)'} → RCPT TO ${text(value.rcpt_to) ?? '(none)'}`],
    ['Message-ID', mail.messageId ?? undefined],
    ['In-Reply-To', mail.inReplyTo ?? undefined],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined);
}

/** The HTML body in its frame, with what was held back said above it. */
function htmlPanel(htmlBody: string): Html {
  if (htmlBody.length > MAX_FRAME_CHARS) return html`<p class="empty">The HTML body is ${byteSize(htmlBody.length)}: too large to draw here. The plain text and the request's raw body show it.</p>`;
  const remote = remoteReferences(htmlBody);
  const note =
    remote === 0
      ? 'Drawn without scripts, forms or links; nothing is loaded from the Internet.'
      : `${remote} remote image${remote === 1 ? '' : 's'} or style${remote === 1 ? '' : 's'} not loaded (they could tell the sender the mail was read). Drawn without scripts, forms or links.`;
  return html`<p class="note mail-note" data-remote="${attr(remote)}">${note}</p>${mailFrame(htmlBody)}`;
}

/** Tabs for the bodies the mail has: HTML (drawn), plain text, and the replies Postal cut out. */
function bodies(mail: ParsedMail): Html {
  const tabs: [string, string, Html][] = [];
  if (mail.htmlBody !== null && mail.htmlBody.trim() !== '') tabs.push(['html', 'HTML', htmlPanel(mail.htmlBody)]);
  if (mail.plainBody !== null && mail.plainBody !== '') tabs.push(['plain', 'Plain text', html`<pre class="code mail-text">${mail.plainBody}</pre>`]);
  if (mail.strippedReplies !== null && mail.strippedReplies !== '') tabs.push(['replies', 'Cut replies', html`<p class="note">What Postal's "strip replies" removed from the plain body.</p><pre class="code mail-text">${mail.strippedReplies}</pre>`]);
  if (mail.htmlBody !== null && mail.htmlBody.trim() !== '') tabs.push(['source', 'HTML source', html`<pre class="code mail-text">${mail.htmlBody}</pre>`]);
  if (tabs.length === 0) return html`<p class="empty">The mail has no body.</p>`;
  return html`<div class="tabs" data-tabs="mail-body">
<div class="tab-bar" role="tablist">${tabs.map(([id, label], index) => html`<button type="button" role="tab" data-tab="${attr(id)}" aria-selected="${index === 0 ? 'true' : 'false'}">${label}</button>`)}</div>
${tabs.map(([id, , panel], index) => html`<div class="mail-panel" data-panel="${attr(id)}"${index === 0 ? '' : html` hidden`}>${panel}</div>`)}
</div>`;
}

function attachmentRow(attachment: MailAttachmentInfo, index: number): Html {
  const name = attachment.filename === '' ? '(no name)' : attachment.filename;
  // The media type alone fits the column; its parameters (charset, name) are in the tooltip.
  const type = attachment.contentType.split(';')[0].trim();
  return html`<tr><th scope="row">${name}</th><td title="${attr(attachment.contentType)}">${type || 'unknown type'}</td><td class="size">${byteSize(attachment.size)}</td><td class="row-actions">${actionBar([
    { action: MAIL_ACTION.openAttachment, label: 'Open', title: 'Open it in an editor, decoded (text), or save it first and open the file', argument: String(index) },
    { action: MAIL_ACTION.saveAttachment, label: 'Save…', title: 'Save it, decoded, to a file you choose', argument: String(index) },
  ])}</td></tr>`;
}

function attachmentList(mail: ParsedMail, value: Record<string, unknown>): Html {
  if (mail.attachments.length === 0) return html`<p class="empty">No attachments${typeof value.attachment_quantity === 'number' && value.attachment_quantity > 0 ? ` in the body (Postal counted ${value.attachment_quantity}: the endpoint does not send them)` : ''}.</p>`;
  return html`<table class="headers attachments"><tbody>${mail.attachments.map(attachmentRow)}</tbody></table>`;
}

/**
 * The mail preview of an inbound request: who wrote to whom, Postal's verdict and what it makes
 * of our answer, the bodies (HTML drawn in a sandboxed frame, see `mailFrame`), attachments to
 * open or save, notes on what Postal's payload leaves out, and every header. All of it is
 * written by the mail's sender: values are escaped, the HTML body only ever reaches the frame.
 */
export function mailPage(record: WebhookRecord, mail: RecordMail): Html {
  const inbound = record.inbound;
  const parsed = mail.mail;
  const meta = [
    inbound === undefined ? undefined : fromTo(inbound),
    `received ${localDateTime(record.receivedAt)}`,
    `${mail.format === 'hash' ? 'Hash' : 'RawMessage'}, ${mail.encoding === 'json' ? 'JSON' : 'form data'}`,
    inbound === undefined ? undefined : attachmentWords(inbound),
  ].filter((part): part is string => part !== undefined);
  const spam = typeof mail.value.spam_status === 'string' ? mail.value.spam_status : undefined;
  return html`<main class="inspector mail">
<header class="summary">
<h1>${parsed.subject ?? '(no subject)'}${spam === undefined ? '' : html` ${pill(SPAM_TONES[spam] ?? 'info', spam)}`}</h1>
<p class="meta">${meta.join(' · ')}</p>
${actionBar([{ action: MAIL_ACTION.inspect, label: 'Inspect Request', title: 'The HTTP request Postal made: headers, body, signature' }])}
</header>
${section('addresses', 'Message', facts(addressRows(parsed, mail.value)))}
${section('verdict', "Postal's verdict", checkList(verdictChecks(record, mail)))}
${section('body', 'Body', bodies(parsed))}
${section('attachments', 'Attachments', attachmentList(parsed, mail.value), parsed.attachments.length === 0 ? undefined : String(parsed.attachments.length))}
${parsed.notes.length === 0 ? '' : section('notes', 'Notes', html`<ul class="mail-notes">${parsed.notes.map((note) => html`<li>${note}</li>`)}</ul>`)}
${section('headers', 'Headers', headerTable(parsed.headers.map((header) => [header.name, header.value] as const)), mail.format === 'hash' ? 'those the Hash format carries' : undefined)}
</main>`;
}
