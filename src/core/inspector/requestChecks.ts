import { afterFailure, deliveryStatusName, outcomeOfDelayedAnswer, policyForRecord } from '../delivery';
import { type CheckRow } from '../webview/fragments';
import { type InboundSummary, issueCount, type RecordBasics, type SchemaResult } from '../store';

/**
 * What the inspector says about a request before showing its evidence: the signature, the body,
 * whether it repeats an earlier delivery, our answer with Postal's reaction, and the forward to
 * the user's app. Plain data; the page renders it.
 */
export function requestChecks(record: RecordBasics): CheckRow[] {
  const rows = [signatureCheck(record), bodyCheck(record)];
  const delivery = deliveryCheck(record);
  if (delivery !== undefined) rows.push(delivery);
  return rows;
}

function algorithmName(record: RecordBasics): string {
  const { algorithm } = record.signature;
  return algorithm === undefined ? '' : algorithm === 'sha256' ? 'RSA-SHA256' : 'RSA-SHA1 (legacy header)';
}

export function signatureCheck(record: RecordBasics): CheckRow {
  const { status, reason, kid } = record.signature;
  const algorithm = algorithmName(record);
  const key = kid?.key === undefined ? '' : `, key ${kid.key.slice(0, 12)}…`;
  switch (status) {
    case 'valid':
      return { name: 'Signature', tone: 'ok', verdict: 'Valid', detail: [`${algorithm} over the raw body${key}`, reason].filter((part) => part !== undefined).join('. ') };
    case 'dev-key':
      return { name: 'Signature', tone: 'info', verdict: 'Your development key', detail: `${algorithm} over the raw body${key}: a test event or replay from this editor, not from Postal` };
    case 'invalid':
      return { name: 'Signature', tone: 'bad', verdict: 'Invalid', detail: [algorithm, reason].filter((part) => part !== undefined && part !== '').join(': ') };
    case 'missing':
      return { name: 'Signature', tone: 'warn', verdict: 'Unsigned', detail: reason };
    case 'no-key':
      return { name: 'Signature', tone: 'info', verdict: 'Not checked', detail: `Signed${algorithm === '' ? '' : ` (${algorithm})`}, but no public key is set up: run "Postal: Set Up Postal Public Key".` };
    default:
      return unknownStatus(status);
  }
}

/** A status this build does not know (a newer history): said plainly rather than hidden. */
function unknownStatus(status: never): CheckRow {
  return { name: 'Signature', tone: 'info', verdict: String(status) };
}

export function bodyCheck(record: RecordBasics): CheckRow {
  const parse = record.parse;
  if (record.kind === 'too-large') return { name: 'Body', tone: 'bad', verdict: 'Too large', detail: `${record.body.size.toLocaleString('en-US')} bytes, over the limit: it was not kept.` };
  if (parse.status === 'not-read') return { name: 'Body', tone: 'info', verdict: 'Not read', detail: 'The request was refused before its body was looked at.' };
  if (parse.status === 'empty') return { name: 'Body', tone: 'warn', verdict: 'Empty', detail: 'Postal always sends a JSON body.' };
  if (parse.status === 'invalid-json') {
    const where = parse.line === undefined ? '' : ` (line ${parse.line}, column ${parse.column ?? 1})`;
    return { name: 'Body', tone: 'bad', verdict: 'Not JSON', detail: `${parse.message}${where}` };
  }
  if (record.inbound !== undefined) return inboundBodyCheck(record, record.inbound);
  if (record.kind !== 'postal') return { name: 'Body', tone: 'info', verdict: 'Not a Postal event', detail: 'JSON, but without the string "event" of Postal\'s envelope.' };
  if (record.schema?.valid === false) {
    const count = issueCount(record.schema);
    const items = record.schema.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    if (count > items.length) items.push(`… ${count - items.length} more`);
    return { name: 'Body', tone: 'bad', verdict: `${count} schema issue${count === 1 ? '' : 's'}`, detail: `Not what Postal sends for ${record.event ?? 'this event'}:`, items };
  }
  return { name: 'Body', tone: 'ok', verdict: 'Valid event', detail: `Matches what Postal sends for ${record.event ?? 'this event'}.` };
}

function schemaItems(schema: SchemaResult): string[] {
  const items = schema.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  const count = issueCount(schema);
  if (count > items.length) items.push(`… ${count - items.length} more`);
  return items;
}

/** An inbound e-mail's body: which of Postal's formats and encodings, and whether it is what Postal sends. */
function inboundBodyCheck(record: RecordBasics, inbound: InboundSummary): CheckRow {
  const shape = `${inbound.format === 'hash' ? 'Hash' : 'RawMessage'} format, ${inbound.encoding === 'json' ? 'JSON' : 'form data'}`;
  if (record.schema?.valid === false) {
    const count = issueCount(record.schema);
    return { name: 'Body', tone: 'bad', verdict: `${count} schema issue${count === 1 ? '' : 's'}`, detail: `Inbound e-mail (${shape}), but not as Postal sends it:`, items: schemaItems(record.schema) };
  }
  return { name: 'Body', tone: 'ok', verdict: 'Inbound e-mail', detail: `${shape}, as Postal posts it to an HTTP endpoint.` };
}

/** Postal sends the same envelope uuid on every attempt of one delivery: a repeat is a retry (or a replay). */
export function deliveryCheck(record: RecordBasics): CheckRow | undefined {
  if (record.uuid === undefined) return undefined;
  if (!record.duplicate) return { name: 'Delivery', tone: 'ok', verdict: 'First', detail: `No earlier request in the history has uuid ${record.uuid}.` };
  return {
    name: 'Delivery',
    tone: 'warn',
    verdict: `Repeat, attempt ${record.attempt}`,
    detail: `${record.attempt - 1} earlier request${record.attempt === 2 ? '' : 's'} had uuid ${record.uuid}: a retry by Postal, or a replay. Handlers should not act on it twice.`,
  };
}

/** What we answered Postal and what Postal makes of it. */
export function answerCheck(record: RecordBasics): CheckRow {
  const { status, delayMs, reason } = record.response;
  const after = delayMs > 0 ? ` after ${delayMs} ms` : '';
  const verdict = `${status}${after}`;
  if (record.kind === 'rejected' || record.kind === 'too-large') return { name: 'Our answer', tone: 'bad', verdict, detail: `Refused (${reason}).` };
  if (reason === 'not-stored') return { name: 'Our answer', tone: 'bad', verdict, detail: 'The history could not be written, so Postal was asked to send it again.' };
  const outcome = outcomeOfDelayedAnswer(policyForRecord(record), status, delayMs, record.attempt);
  const inbound = record.kind === 'inbound';
  if (outcome.success) return { name: 'Our answer', tone: 'ok', verdict, detail: inbound ? 'Postal marks the mail Sent.' : 'Postal counts it as delivered.' };
  const seen = outcome.statusCode === status ? '' : `Postal sees ${outcome.statusCode} (too slow). `;
  const tone = outcome.willRetry ? 'warn' : 'bad';
  if (inbound) return { name: 'Our answer', tone, verdict, detail: `${seen}Postal marks the delivery ${deliveryStatusName(outcome)}. ${afterFailure(outcome, ': that was its last attempt')}.` };
  const then = outcome.willRetry ? `Postal retries in ${outcome.nextAttemptInMinutes} min.` : 'Postal gives up: that was its last attempt.';
  return { name: 'Our answer', tone, verdict, detail: `${seen}${then}` };
}

/** The forward to the user's app, when there was one. */
export function forwardCheck(record: RecordBasics): CheckRow | undefined {
  const forward = record.forward;
  if (forward === undefined) return undefined;
  if (forward.outcome === 'pending') return { name: 'Your app', tone: 'info', verdict: 'No answer', detail: `Forwarded to ${forward.url}; the listener stopped before the app answered.` };
  if (forward.outcome === 'failed') return { name: 'Your app', tone: 'bad', verdict: `Failed (${forward.error.code})`, detail: `${forward.url} after ${forward.durationMs} ms: ${forward.error.message}` };
  const ok = forward.status >= 200 && forward.status < 300;
  return { name: 'Your app', tone: ok ? 'ok' : 'bad', verdict: `${forward.status} ${forward.statusText}`.trim(), detail: `${forward.url} answered in ${forward.durationMs} ms.` };
}
