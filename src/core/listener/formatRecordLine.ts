import { afterFailure, outcomeOfDelayedAnswer, policyForRecord } from '../delivery';
import { isEventName } from '../events';
import { safeText } from '../safeText';
import { type InboundSummary, issueCount, type RecordBasics } from '../store';

type Tone = 'good' | 'bad' | 'warn' | 'dim' | 'plain';

const ANSI: Record<Tone, string> = { good: '\u001b[32m', bad: '\u001b[31m', warn: '\u001b[33m', dim: '\u001b[2m', plain: '' };
const RESET = '\u001b[0m';

/**
 * One line per request, for the CLI and the extension's log:
 * `14:03:07.512 POST / MessageSent 8a3f0c6e signature ✓ sha256 schema ✓ → 200 app 200 12ms`
 * (signature: `✓ sha256`, `✓ dev key`, `✗ body changed`, `✗ other key`, `✗ malformed`, `unchecked`, `missing`).
 * Colours (ANSI) only when `color` is true. `time: false` leaves out the clock, for logs that
 * stamp each line themselves. Pure: the same record always gives the same line (times in the
 * local time zone). What came from the wire has its control characters escaped (see
 * `safeText`), and an event name Postal does not send is quoted, so no body can forge a line.
 */
export function formatRecordLine(record: RecordBasics, options: { color: boolean; time?: boolean }): string {
  const paint = (tone: Tone, text: string): string => (options.color && tone !== 'plain' ? `${ANSI[tone]}${text}${RESET}` : text);
  const parts = [
    ...(options.time === false ? [] : [paint('dim', clock(record.receivedAt))]),
    safeText(`${record.method} ${record.path}`),
    record.event === undefined
      ? record.inbound === undefined
        ? paint('warn', `(${record.kind})`)
        : inboundPart(record.inbound)
      : isEventName(record.event)
        ? record.event
        : paint('warn', `"${safeText(record.event)}"`),
  ];
  if (record.uuid !== undefined) parts.push(paint('dim', safeText(record.uuid.slice(0, 8))));
  if (record.duplicate) parts.push(paint('warn', `retry #${record.attempt}`));
  parts.push(signaturePart(record, paint), schemaPart(record, paint), responsePart(record, paint));
  const forward = forwardPart(record, paint);
  if (forward !== undefined) parts.push(forward);
  return parts.join('  ');
}

type Paint = (tone: Tone, text: string) => string;

/** `inbound hash/form "Re: Your order" john@example.net → support@example.com 1 attachment`. */
function inboundPart(inbound: InboundSummary): string {
  const parts = [`inbound ${inbound.format}/${inbound.encoding}`];
  if (inbound.subject !== null) parts.push(JSON.stringify(inbound.subject.length > 60 ? `${inbound.subject.slice(0, 59)}…` : inbound.subject));
  parts.push(`${inbound.mailFrom || '<>'} → ${inbound.rcptTo ?? '?'}`);
  if (inbound.attachments > 0) parts.push(`${inbound.attachments} attachment${inbound.attachments === 1 ? '' : 's'}`);
  // Subject and addresses came with the request.
  return safeText(parts.join(' '));
}

function clock(ms: number): string {
  const date = new Date(ms);
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** What failed, in two words: `malformed`, `body changed` or `other key` (`invalid` when not known). */
const FAILURE_WORDS: Record<string, string> = { malformed: 'malformed', 'body-changed': 'body changed', 'other-key': 'other key' };

function signaturePart(record: RecordBasics, paint: Paint): string {
  const { status, algorithm, failure } = record.signature;
  if (status === 'valid') return paint('good', `signature ✓ ${algorithm ?? ''}`.trimEnd());
  if (status === 'dev-key') return paint('good', 'signature ✓ dev key');
  if (status === 'invalid') return paint('bad', `signature ✗ ${failure === undefined ? 'invalid' : FAILURE_WORDS[failure]}`);
  if (status === 'no-key') return paint('dim', 'signature unchecked (no key)');
  return paint('warn', 'signature missing');
}

function schemaPart(record: RecordBasics, paint: Paint): string {
  if (record.parse.status === 'invalid-json') return paint('bad', 'invalid JSON');
  if (record.parse.status === 'empty') return paint('warn', 'empty body');
  if (record.parse.status === 'not-read') return paint('dim', 'body not read');
  if (record.schema === undefined) return paint('dim', 'schema unchecked');
  if (record.schema.valid) return paint('good', 'schema ✓');
  const count = issueCount(record.schema);
  return paint('bad', `schema ✗ ${count} issue${count === 1 ? '' : 's'}`);
}

function responsePart(record: RecordBasics, paint: Paint): string {
  const { status, delayMs } = record.response;
  const delay = delayMs > 0 ? ` after ${delayMs}ms` : '';
  if (record.kind === 'rejected' || record.kind === 'too-large') return paint('bad', `→ ${status}${delay}`);
  if (record.response.reason === 'not-stored') return paint('bad', `→ ${status} not stored, history unwritable (Postal retries)`);
  const outcome = outcomeOfDelayedAnswer(policyForRecord(record), status, delayMs, record.attempt);
  if (outcome.success) return paint('good', `→ ${status}${delay}`);
  return paint('warn', `→ ${status}${delay} (${afterFailure(outcome)})`);
}

function forwardPart(record: RecordBasics, paint: Paint): string | undefined {
  const forward = record.forward;
  if (forward === undefined) return undefined;
  if (forward.outcome === 'pending') return paint('dim', 'app …');
  if (forward.outcome === 'failed') return paint('bad', `app ✗ ${forward.error.code} ${forward.durationMs}ms`);
  const tone: Tone = forward.status >= 200 && forward.status < 300 ? 'good' : 'bad';
  return paint(tone, `app ${forward.status} ${forward.durationMs}ms`);
}
