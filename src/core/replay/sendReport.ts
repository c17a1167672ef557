import { type DeliveryPolicy } from '../delivery';
import { redactUrl, type StoredBody } from '../http';
import { describeAnswer, describePostalOutcome } from './describeResult';
import { headerValue, type PostalRequest } from './postalRequest';
import { type SendResult } from './sendPostalRequest';

/** What was sent, for the report's heading: an event name and its envelope uuid when known. */
export interface SentItem {
  label: string;
  request: PostalRequest;
  /** One result per attempt (several when retries are simulated). */
  attempts: SendResult[];
  /** How Postal judges the answers; default: webhooks. */
  policy?: DeliveryPolicy;
}

/** A code fence longer than any run of backticks in `text`, so no body can end the block early. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function bodyText(body: StoredBody): string {
  const text = body.encoding === 'utf8' ? body.data : `(binary, ${body.size} bytes, base64)\n${body.data}`;
  return body.truncated ? `${text}\n… (cut at ${body.data.length} of ${body.size} bytes)` : text;
}

/** A code block whose language follows the content type, so JSON and HTML are highlighted. */
function fenced(text: string, contentType: string | undefined): string {
  const language = /json/i.test(contentType ?? '') ? 'json' : /html/i.test(contentType ?? '') ? 'html' : /xml/i.test(contentType ?? '') ? 'xml' : 'text';
  const fence = fenceFor(text);
  return `${fence}${language}\n${text === '' ? '(empty)' : text}\n${fence}`;
}

function headerBlock(headers: Iterable<[string, string]>): string {
  const text = [...headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  const fence = fenceFor(text);
  return `${fence}http\n${text === '' ? '(none)' : text}\n${fence}`;
}

function responseSection(result: SendResult): string[] {
  if (result.response === undefined) return [`No answer: ${result.error?.message ?? 'unknown error'}`, ''];
  return [
    '### Headers', '', headerBlock(Object.entries(result.response.headers)), '',
    '### Body', '', fenced(bodyText(result.response.body), result.response.headers['content-type']), '',
  ];
}

/** One row per attempt, when Postal's retries were simulated. */
function attemptTable(attempts: readonly SendResult[], policy: DeliveryPolicy | undefined): string[] {
  const escape = (text: string): string => text.replace(/\|/g, '\\|');
  return [
    '| Attempt | Answer | Then |',
    '| --- | --- | --- |',
    ...attempts.map((attempt) => `| ${attempt.attempt} | ${escape(describeAnswer(attempt))} | ${escape(describePostalOutcome(attempt, policy))} |`),
    '',
  ];
}

function utcTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * The answer to one or more sends as Markdown: per item what came back and what Postal would do
 * next, the response headers and body, then exactly what was sent.
 */
export function formatSendReport(items: readonly SentItem[], sentAt: Date): string {
  const lines: string[] = [];
  for (const item of items) {
    const last = item.attempts.at(-1);
    lines.push(`# ${item.label} · ${last === undefined ? 'not sent' : describeAnswer(last)}`, '');
    if (last !== undefined) lines.push(`**${describePostalOutcome(last, item.policy)}**`, '');
    lines.push(`\`${item.request.method} ${redactUrl(item.request.url)}\` · ${utcTime(sentAt)}`, '');
    if (item.attempts.length > 1) lines.push('## Attempts, on Postal\'s retry schedule', '', ...attemptTable(item.attempts, item.policy));
    if (last !== undefined) lines.push(item.attempts.length > 1 ? `## Response to attempt ${last.attempt}` : '## Response', '', ...responseSection(last));
    lines.push('## Request', '', '### Headers', '', headerBlock(item.request.headers), '');
    lines.push('### Body (the exact bytes sent)', '', fenced(item.request.body.toString('utf8'), headerValue(item.request, 'content-type') ?? 'application/json'), '');
  }
  return lines.join('\n');
}
