import { type EnvelopeIssue } from '../events/issues';
import { type InboundSummary, type SchemaResult } from '../store/record';
import { typedFormValue } from './formTypes';
import { type InboundEncoding, type InboundFormat } from './inboundFormat';
import { type ParsedMail, parseInboundMail } from './parsedMail';
import { validateInbound } from './validateInbound';

/** What the listener keeps of an inbound e-mail request: its summary and the schema's verdict. */
export interface InboundInspection {
  summary: InboundSummary;
  schema: SchemaResult;
}

/** Issues kept per request: a crafted body can have thousands. */
const MAX_ISSUES = 100;
/** Summary texts are cut here, as the history's other in-memory facts are. */
const MAX_TEXT = 500;

/**
 * Validates an inbound body and sums it up. `value` is the body as parsed (JSON, or a form's
 * object); a RawMessage's MIME message is parsed for its subject, addresses and attachments.
 * Never rejects: a message that cannot be parsed is a schema issue.
 */
export async function inspectInbound(value: Record<string, unknown>, format: InboundFormat, encoding: InboundEncoding): Promise<InboundInspection> {
  const typed = encoding === 'form' ? typedFormValue(value, format) : value;
  const validation = validateInbound(typed, format, encoding);
  const issues: EnvelopeIssue[] = [...validation.issues];
  let mail: ParsedMail | undefined;
  // A Hash says it all in its fields; only a RawMessage needs its MIME read.
  if (format === 'raw') {
    try {
      mail = await parseInboundMail(typed, format);
    } catch (error) {
      if (validation.ok) issues.push({ path: ['message'], code: 'invalid', message: `message is not a readable e-mail: ${(error as Error).message}` });
    }
  }
  const schema: SchemaResult = { valid: issues.length === 0, issues: issues.slice(0, MAX_ISSUES) };
  if (issues.length > MAX_ISSUES) schema.more = issues.length - MAX_ISSUES;
  return { summary: summarise(typed, format, encoding, mail), schema };
}

function summarise(value: Record<string, unknown>, format: InboundFormat, encoding: InboundEncoding, mail: ParsedMail | undefined): InboundSummary {
  const hash = format === 'hash';
  const text = (key: string, fromMail: string | null | undefined): string | null => short(hash ? value[key] : (fromMail ?? null));
  return {
    format,
    encoding,
    id: typeof value.id === 'number' && Number.isFinite(value.id) ? value.id : null,
    token: hash ? short(value.token) : null,
    subject: text('subject', mail?.subject),
    from: text('from', mail?.from),
    to: text('to', mail?.to),
    rcptTo: short(value.rcpt_to),
    mailFrom: short(value.mail_from),
    attachments: hash ? (Array.isArray(value.attachments) ? value.attachments.length : 0) : (mail?.attachments.length ?? 0),
    attachmentQuantity: hash && typeof value.attachment_quantity === 'number' && Number.isInteger(value.attachment_quantity) && value.attachment_quantity >= 0 ? value.attachment_quantity : null,
    spamStatus: hash ? short(value.spam_status) : null,
    bounce: hash && typeof value.bounce === 'boolean' ? value.bounce : null,
    messageId: text('message_id', mail?.messageId),
  };
}

function short(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
}
