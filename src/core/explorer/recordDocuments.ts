import { recordLabel } from '../replay/recordRequest';
import { issueCount, type RecordBasics, type StoredBody, type WebhookRecord } from '../store';
import { isJsonObject } from './envelopeFields';
import { localDateTime } from './relativeTime';
import { responseLine, signatureLine } from './recordTooltip';

/** Whether the body is whole JSON text, so that its event document is JSON; known without reading the body. */
export function hasJsonBody(record: RecordBasics): boolean {
  return record.parse.status === 'json' && record.body.encoding === 'utf8' && !record.body.truncated;
}

/** The envelope pretty-printed (2 spaces), or undefined when the body is not a whole JSON object. */
export function prettyEnvelope(record: WebhookRecord): string | undefined {
  if (!hasJsonBody(record)) return undefined;
  try {
    const value: unknown = JSON.parse(record.body.data);
    return isJsonObject(value) ? `${JSON.stringify(value, null, 2)}\n` : undefined;
  } catch {
    return undefined;
  }
}

/** What the event document shows: the pretty envelope, or the body as it came when it is not JSON. */
export function eventDocumentText(record: WebhookRecord): string {
  return prettyEnvelope(record) ?? bodyText(record.body);
}

function bodyText(body: StoredBody): string {
  if (body.size === 0) return '';
  const cut = body.truncated ? `\n… (${body.size - Buffer.byteLength(body.data, body.encoding === 'base64' ? 'base64' : 'utf8')} more bytes not kept)` : '';
  return body.encoding === 'utf8' ? `${body.data}${cut}` : `(binary body, base64)\n${body.data}${cut}`;
}

/** A fenced block that no backtick run inside `content` can close early. */
function fence(content: string, language = ''): string {
  // A loop, not Math.max(...runs): a body can hold more backtick runs than a call takes arguments.
  let longest = 2;
  for (const run of content.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${content.replace(/\n$/, '')}\n${ticks}`;
}

function headerBlock(headers: [string, string][]): string {
  return fence(headers.map(([name, value]) => `${name}: ${value}`).join('\n'), 'http');
}

function forwardSection(record: WebhookRecord): string[] {
  const forward = record.forward;
  if (forward === undefined) return [];
  const lines = ['', '## Forwarded to your app', '', `\`${forward.url}\` · started ${localDateTime(forward.startedAt)}`, ''];
  if (forward.outcome === 'pending') return [...lines, 'No answer recorded (the listener stopped before the app answered).'];
  if (forward.outcome === 'failed') return [...lines, `**Failed** after ${forward.durationMs} ms (${forward.error.code}): ${forward.error.message}`];
  lines.push(`**${forward.status} ${forward.statusText}** in ${forward.durationMs} ms`, '', headerBlock(Object.entries(forward.headers)), '');
  const body = bodyText(forward.body);
  lines.push(body === '' ? '(empty body)' : fence(body, forward.headers['content-type']?.includes('json') === true ? 'json' : ''));
  return lines;
}

/**
 * The whole exchange as Markdown: request line, headers as received, the raw body, the
 * signature and what we answered (and what Postal does with it), and the forward to the app.
 */
export function requestDocumentText(record: WebhookRecord): string {
  const from = record.remoteAddress === undefined ? '' : ` from ${record.remoteAddress}`;
  const body = bodyText(record.body);
  // What happened first (checks, our answer, the app's), then the evidence (headers, raw body).
  const lines = [
    `# ${recordLabel(record)}`,
    '',
    `\`${record.method} ${record.path}\` · received ${localDateTime(record.receivedAt)}${from}`,
    '',
    '## Checks',
    '',
    `- ${stripIcons(signatureLine(record, (text) => text))}`,
    `- ${bodyCheck(record)}`,
    '',
    '## Our response',
    '',
    stripIcons(responseLine(record)),
    '',
    record.response.body === '' ? '(empty body)' : fence(record.response.body, 'json'),
    ...forwardSection(record),
    '',
    '## Headers',
    '',
    headerBlock(record.headers.raw),
    '',
    `## Body (${record.body.size.toLocaleString('en-US')} bytes, exactly as received and signed)`,
    '',
    body === '' ? '(empty body)' : fence(body, record.parse.status === 'json' ? 'json' : ''),
  ];
  return `${lines.join('\n')}\n`;
}

function bodyCheck(record: WebhookRecord): string {
  if (record.parse.status === 'invalid-json') return `The body is not JSON: ${record.parse.message}`;
  if (record.parse.status !== 'json') return 'No JSON body';
  if (record.kind !== 'postal') return 'JSON, but not a Postal event (no string `event`)';
  if (record.schema?.valid === false) {
    const issues = record.schema.issues.map((issue) => `\`${issue.path.join('.') || '(body)'}\`: ${issue.message}`);
    const count = issueCount(record.schema);
    const more = count > issues.length ? `; … ${count - issues.length} more` : '';
    return `${count} schema issue${count === 1 ? '' : 's'}: ${issues.join('; ')}${more}`;
  }
  return 'A valid Postal event';
}

function stripIcons(markdown: string): string {
  return markdown.replace(/\$\([a-z-~]+\)\s*/g, '');
}
