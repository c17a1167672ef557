import { afterFailure, deliveryStatusName, INBOUND_MAX_ATTEMPTS, outcomeOfDelayedAnswer, policyForRecord, type PostalOutcome } from '../delivery';
import { safeText } from '../safeText';
import { type HistoryEntry, issueCount, type RecordBasics } from '../store';
import { keyFields } from './envelopeFields';
import { inboundFields } from './inboundRows';
import { localDateTime, relativeTime } from './relativeTime';

/**
 * Escapes text for Markdown so values from the wire cannot format (or link) anything, nor
 * break a line or turn text around (control characters are written out, see `safeText`).
 */
export function escapeMarkdown(value: string): string {
  return safeText(value).replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, (char) => `\\${char}`);
}

/** A Markdown code span around text from the wire: fenced by more backticks than it holds in a row. */
export function codeSpan(value: string): string {
  const text = safeText(value);
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const ticks = '`'.repeat(longest + 1);
  return longest === 0 ? `${ticks}${text}${ticks}` : `${ticks} ${text} ${ticks}`;
}

const MAX_VALUE = 120;

function shortValue(value: string): string {
  return escapeMarkdown(value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value);
}

/**
 * One line about the signature: status, algorithm, key, and why when it is not valid. `escape`
 * guards rendered Markdown; a document shown as source passes text through unchanged.
 */
export function signatureLine(record: RecordBasics, escape: (text: string) => string = escapeMarkdown): string {
  const { status, algorithm, kid, reason } = record.signature;
  const algo = algorithm === undefined ? '' : ` (${algorithm === 'sha256' ? 'RSA-SHA256' : 'RSA-SHA1, legacy'})`;
  const key = kid?.key === undefined ? '' : `, key \`${kid.key.slice(0, 8)}…\``;
  const because = reason === undefined ? '' : ` — ${escape(reason)}`;
  if (status === 'valid') return `$(pass) Signature valid${algo}${key}${because}`;
  if (status === 'dev-key') return `$(beaker) Signed with your **development key**${algo}${key}: a test event or replay from this editor, not from Postal`;
  if (status === 'invalid') return `$(error) Signature **invalid**${algo}${because}`;
  if (status === 'missing') return `$(warning) **Unsigned**${because}`;
  return `$(circle-outline) Signature **not checked**${algo}: no public key is set up (**Postal: Set Up Postal Public Key**)`;
}

function schemaLines(record: RecordBasics): string[] {
  if (record.parse.status === 'invalid-json') return [`$(error) Body is not JSON: ${escapeMarkdown(record.parse.message)}`];
  if (record.parse.status === 'empty') return ['$(warning) Empty body'];
  if (record.schema === undefined) return [];
  if (record.schema.valid && record.kind === 'inbound') return ["$(pass) Matches Postal's inbound e-mail format"];
  if (record.schema.valid) return record.kind === 'postal' ? ['$(pass) Matches the Postal schema'] : ['Not a Postal event'];
  const count = issueCount(record.schema);
  const issues = record.schema.issues.slice(0, 4).map((issue) => `- \`${issue.path.join('.') || '(body)'}\`: ${shortValue(issue.message)}`);
  const more = count > issues.length ? [`- … ${count - issues.length} more`] : [];
  return [`$(error) ${count} schema issue${count === 1 ? '' : 's'}:`, ...issues, ...more];
}

/** What we answered and what Postal makes of it (success, retry in N min, gives up). */
export function responseLine(record: RecordBasics): string {
  const { status, delayMs } = record.response;
  const after = delayMs > 0 ? ` after ${delayMs} ms` : '';
  if (record.kind === 'rejected' || record.kind === 'too-large') return `$(circle-slash) Answered ${status}${after} (${record.response.reason})`;
  if (record.response.reason === 'not-stored') return `$(error) Answered ${status}: the history could not be written, so Postal retries it`;
  const outcome = outcomeOfDelayedAnswer(policyForRecord(record), status, delayMs, record.attempt);
  const seen = outcome.statusCode === status ? `${status}` : `${status}${after}, Postal sees ${outcome.statusCode}`;
  if (record.kind === 'inbound') return inboundResponseLine(outcome, outcome.success ? `${status}${after}` : seen);
  if (outcome.success) return `$(check) Answered ${status}${after}: Postal counts it as delivered`;
  const then = afterFailure(outcome, ' (last attempt)');
  return `$(history) Answered ${seen}: ${then}`;
}

/** For inbound e-mail, Postal's own word for the delivery (Sent, SoftFail, HardFail), then what it does next. */
function inboundResponseLine(outcome: PostalOutcome, answered: string): string {
  const status = deliveryStatusName(outcome);
  if (outcome.success) return `$(check) Answered ${answered}: Postal marks the mail **Sent**`;
  const icon = outcome.willRetry ? '$(history)' : '$(error)';
  const retried = !outcome.willRetry && outcome.attempt < INBOUND_MAX_ATTEMPTS ? ', never retried' : '';
  return `${icon} Answered ${answered}: **${status}**${retried}; ${afterFailure(outcome, ' (last attempt)')}`;
}

function forwardLine(record: RecordBasics): string | undefined {
  const forward = record.forward;
  if (forward === undefined) return undefined;
  const url = shortValue(forward.url);
  if (forward.outcome === 'pending') return `$(loading) Forwarding to ${url}…`;
  if (forward.outcome === 'failed') return `$(error) Forward to ${url} failed after ${forward.durationMs} ms: ${shortValue(forward.error.message)}`;
  const tone = forward.status >= 200 && forward.status < 300 ? '$(pass)' : '$(error)';
  return `${tone} Your app (${url}) answered ${forward.status} in ${forward.durationMs} ms`;
}

/**
 * The hover of an event row, in Markdown with codicons: what, when, its uuid, the signature,
 * the schema, our answer and Postal's reaction, the forward, and the key fields.
 */
export function recordTooltip(record: HistoryEntry, now: number): string {
  const title = record.event ?? (record.inbound === undefined ? `${record.method} ${record.path}` : `Inbound mail: ${record.inbound.subject ?? '(no subject)'}`);
  const lines = [`**${escapeMarkdown(title)}** · ${localDateTime(record.receivedAt)} (${relativeTime(record.receivedAt, now)})`, ''];
  if (record.uuid !== undefined) lines.push(`uuid ${codeSpan(record.uuid)}${record.duplicate ? ` · **retry**, attempt ${record.attempt}` : ''}`, '');
  lines.push(signatureLine(record), '', ...schemaLines(record), '', responseLine(record));
  const forward = forwardLine(record);
  if (forward !== undefined) lines.push('', forward);
  const fields = (record.inbound !== undefined ? inboundFields(record.inbound) : keyFields(record.event, record.kind === 'postal' ? record.facts : {})).filter((field) => field.name !== 'output').slice(0, 8);
  if (fields.length > 0) lines.push('', '---', '', ...fields.map((field) => `${escapeMarkdown(field.name)}: ${shortValue(field.value)}  `));
  return lines.join('\n');
}
