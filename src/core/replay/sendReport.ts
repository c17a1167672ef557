import { type StoredBody } from '../store';
import { describeAnswer, describePostalOutcome } from './describeResult';
import { type PostalRequest } from './postalRequest';
import { type SendResult } from './sendPostalRequest';

/** What was sent, for the report's heading: an event name and its envelope uuid when known. */
export interface SentItem {
  label: string;
  request: PostalRequest;
  /** One result per attempt (several when retries are simulated). */
  attempts: SendResult[];
}

const FENCE = '````';

function bodyText(body: StoredBody): string {
  const text = body.encoding === 'utf8' ? body.data : `(binary, ${body.size} bytes, base64)\n${body.data}`;
  return body.truncated ? `${text}\n… (cut at ${body.data.length} of ${body.size} bytes)` : text;
}

/** A code block whose language follows the content type, so JSON and HTML are highlighted. */
function fenced(text: string, contentType: string | undefined): string {
  const language = /json/i.test(contentType ?? '') ? 'json' : /html/i.test(contentType ?? '') ? 'html' : /xml/i.test(contentType ?? '') ? 'xml' : 'text';
  return `${FENCE}${language}\n${text === '' ? '(empty)' : text}\n${FENCE}`;
}

function headerBlock(headers: Iterable<[string, string]>): string {
  const lines = [...headers].map(([name, value]) => `${name}: ${value}`);
  return `${FENCE}http\n${lines.length === 0 ? '(none)' : lines.join('\n')}\n${FENCE}`;
}

function attemptSection(result: SendResult): string[] {
  const lines = [`## Attempt ${result.attempt}: ${describeAnswer(result)}`, '', `**${describePostalOutcome(result)}**`, ''];
  if (result.response !== undefined) {
    lines.push('### Response headers', '', headerBlock(Object.entries(result.response.headers)), '');
    lines.push('### Response body', '', fenced(bodyText(result.response.body), result.response.headers['content-type']), '');
  }
  return lines;
}

/**
 * The answer to one or more sends as Markdown: per item what came back, what Postal would do
 * next, the response headers and body, then what was sent.
 */
export function formatSendReport(items: readonly SentItem[], sentAt: Date): string {
  const lines: string[] = [];
  for (const item of items) {
    const last = item.attempts.at(-1);
    lines.push(`# ${item.label}: ${last === undefined ? 'not sent' : describeAnswer(last)}`, '');
    lines.push(`${item.request.method} ${item.request.url} · ${sentAt.toISOString()}`, '');
    for (const attempt of item.attempts) lines.push(...attemptSection(attempt));
    lines.push('## Request headers', '', headerBlock(item.request.headers), '');
    lines.push('## Request body (the exact bytes sent)', '', fenced(item.request.body.toString('utf8'), 'application/json'), '');
  }
  return lines.join('\n');
}
