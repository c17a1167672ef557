import { type DeliveryPolicy } from '../delivery';
import { localDateTime } from '../explorer/relativeTime';
import { redactUrl } from '../http';
import { describeAnswer, describePostalOutcome } from '../replay/describeResult';
import { type SendResult } from '../replay/sendPostalRequest';
import { type SentItem } from '../replay/sendReport';
import { bodyBlock, checkList, type CheckRow, headerTable, section, type Tone } from '../webview/fragments';
import { type Html, html } from '../webview/html';
import { shownBody } from './requestPage';

/** The tab title: the one thing sent, or how many. */
export function sendPageTitle(items: readonly SentItem[]): string {
  return items.length === 1 ? `Answer: ${items[0].label}` : `Answers: ${items.length} events`;
}

function toneOf(result: SendResult): Tone {
  if (result.outcome === undefined) return 'info';
  if (result.outcome.success) return 'ok';
  return result.outcome.willRetry ? 'warn' : 'bad';
}

function attemptRow(result: SendResult, policy: DeliveryPolicy | undefined): CheckRow {
  return { name: `Attempt ${result.attempt}`, tone: toneOf(result), verdict: describeAnswer(result), detail: describePostalOutcome(result, policy) };
}

function responsePart(result: SendResult): Html {
  const response = result.response;
  if (response === undefined) return html`<p class="empty">No answer: ${result.error?.message ?? 'the request was cancelled'}.</p>`;
  return html`<h3>Headers</h3>${headerTable(Object.entries(response.headers))}<h3>Body</h3>${bodyBlock(`response-${result.attempt}`, shownBody(response.body, 'detect'))}`;
}

function item(sent: SentItem, index: number, sentAt: Date): Html {
  const last = sent.attempts.at(-1);
  const checks: CheckRow[] = sent.attempts.length === 0 ? [{ name: 'Answer', tone: 'info', verdict: 'Not sent', detail: 'Cancelled before it went out.' }] : sent.attempts.map((attempt) => attemptRow(attempt, sent.policy));
  const requestBody = sent.request.body.toString('utf8');
  return html`<article class="sent">
<header class="summary"><h1>${sent.label}</h1>
<p class="meta">${sent.request.method} ${redactUrl(sent.request.url)} · ${last === undefined ? 'not sent' : `sent ${localDateTime(sentAt.getTime())}`}</p></header>
${section(`answer-${index}`, sent.attempts.length > 1 ? "Attempts, on Postal's retry schedule" : 'Answer', checkList(checks))}
${last === undefined ? '' : section(`response-${index}`, sent.attempts.length > 1 ? `Response to attempt ${last.attempt}` : 'Response', responsePart(last))}
${section(`request-${index}`, 'Request sent', html`${headerTable(sent.request.headers)}<h3>Body</h3>${bodyBlock(`request-${index}`, { text: requestBody, json: 'detect' })}`, `${sent.request.body.length.toLocaleString('en-US')} bytes, exactly as sent`)}
</article>`;
}

/**
 * The answers to one or more sends: per event what came back and what Postal would do next
 * (every attempt when retries were simulated), the response headers and body, then exactly
 * what was sent. Bodies are the receiver's and are escaped like everything else.
 */
export function sendPage(items: readonly SentItem[], sentAt: Date): Html {
  return html`<main class="inspector">${items.map((sent, index) => item(sent, index, sentAt))}</main>`;
}
