import { type InboundSummary } from '../store';
import { type KeyField } from './envelopeFields';

/**
 * How the Events view shows an inbound e-mail (what Postal posted to an HTTP endpoint): its own
 * group, `From → To` rows with the subject, attachments and spam verdict, its fields, and the
 * message it belongs to, so that a by-message group joins the mail with the MessageSent,
 * MessageDelayed or MessageDeliveryFailed webhooks Postal fires for its delivery.
 */

/** The by-type group of inbound e-mail. */
export const INBOUND_KEY = '(inbound)';
export const INBOUND_GROUP_LABEL = 'Inbound mail';

/**
 * A message thread's key for a Postal message: its token, as webhooks are keyed. A RawMessage
 * carries no token, only Postal's message id; {@link ID_KEY_PREFIX} marks such keys, which the
 * model joins to the token of an incoming message with the same id when it has one.
 */
export const ID_KEY_PREFIX = 'id:';

/** `John Doe <john@example.net>` → `John Doe`; a bare address stays; several: the first, then `+N`. */
export function shortAddress(header: string | null | undefined): string | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const parts = splitAddresses(header);
  const first = parts[0] ?? header.trim();
  const named = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(first);
  const shown = named === null ? first.trim() : named[1].trim() || named[2].trim();
  return parts.length > 1 ? `${shown} +${parts.length - 1}` : shown;
}

/** Addresses of a header, split at commas outside quotes and angle brackets. */
function splitAddresses(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let depth = 0;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '<') depth++;
    else if (!quoted && char === '>') depth = Math.max(0, depth - 1);
    if (char === ',' && !quoted && depth === 0) {
      if (current.trim() !== '') parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** `John Doe → support@example.com`: the From header, then the route's recipient (RCPT TO, else the To header). */
export function fromTo(inbound: InboundSummary): string {
  return `${shortAddress(inbound.from) ?? shortAddress(inbound.mailFrom) ?? '(no sender)'} → ${shortAddress(inbound.rcptTo) ?? shortAddress(inbound.to) ?? '(no recipient)'}`;
}

/** `1 attachment`, `2 of 3 attachments` (Postal counted more than it sent), or nothing. */
export function attachmentWords(inbound: InboundSummary): string | undefined {
  const sent = inbound.attachments;
  const counted = inbound.attachmentQuantity ?? sent;
  if (sent === 0 && counted === 0) return undefined;
  const noun = counted === 1 ? 'attachment' : 'attachments';
  return sent === counted ? `${sent} ${noun}` : `${sent} of ${counted} ${noun}`;
}

/** The parts of an inbound row's description, before its time: subject, attachments, spam status. */
export function inboundRowParts(inbound: InboundSummary, withSubject: boolean): string[] {
  const parts = [withSubject ? (inbound.subject ?? '(no subject)') : undefined, attachmentWords(inbound), inbound.spamStatus ?? undefined, inbound.bounce === true ? 'bounce' : undefined];
  return parts.filter((part): part is string => part !== undefined && part !== '');
}

/** The text the view's filter searches for an inbound e-mail. */
export function inboundSearchText(inbound: InboundSummary): string[] {
  return ['inbound mail', inbound.subject, inbound.from, inbound.to, inbound.rcptTo, inbound.mailFrom, inbound.messageId, inbound.token, inbound.id === null ? null : String(inbound.id)].filter(
    (part): part is string => part !== null && part !== undefined,
  );
}

/** The fields of an inbound e-mail shown under its row, in reading order; empty ones are left out. */
export function inboundFields(inbound: InboundSummary): KeyField[] {
  const rows: [string, string | number | boolean | null][] = [
    ['from', inbound.from],
    ['to', inbound.to],
    ['subject', inbound.subject],
    ['rcpt_to', inbound.rcptTo],
    ['mail_from', inbound.mailFrom],
    ['attachments', attachmentWords(inbound) ?? 'none'],
    ['spam_status', inbound.spamStatus],
    ['bounce', inbound.bounce],
    ['id', inbound.id],
    ['token', inbound.token],
    ['message_id', inbound.messageId],
    ['format', `${inbound.format === 'hash' ? 'Hash' : 'RawMessage'}, ${inbound.encoding === 'json' ? 'JSON' : 'form data'}`],
  ];
  return rows.filter(([, value]) => value !== null && value !== '').map(([name, value]) => ({ name, value: String(value) }));
}

/** The message an inbound e-mail is, keyed as its webhooks are (see {@link ID_KEY_PREFIX}). */
export function inboundThreadKey(inbound: InboundSummary): string | undefined {
  if (inbound.token !== null && inbound.token !== '') return inbound.token;
  return inbound.id === null ? undefined : `${ID_KEY_PREFIX}${inbound.id}`;
}
