import { hasJsonBody } from '../explorer/recordDocuments';
import { localDateTime } from '../explorer/relativeTime';
import { recordLabel } from '../replay/recordRequest';
import { SIGNATURE_HEADER } from '../signature';
import { type RecordBasics, type StoredBody, type WebhookRecord } from '../store';
import { actionBar, bodyBlock, type BodyShown, checkList, headerTable, type PageAction, section } from '../webview/fragments';
import { type Html, html } from '../webview/html';
import { answerCheck, forwardCheck, requestChecks } from './requestChecks';

/** What the inspector's buttons ask for; the extension maps each to its command. */
export const INSPECTOR_ACTION = {
  replay: 'replay',
  replayWithEdits: 'replayWithEdits',
  copyCurl: 'copyCurl',
  openBody: 'openBody',
  timeline: 'timeline',
  showMail: 'showMail',
} as const;
export type InspectorAction = (typeof INSPECTOR_ACTION)[keyof typeof INSPECTOR_ACTION];

const SIGNATURE_HEADERS: ReadonlySet<string> = new Set(Object.values(SIGNATURE_HEADER));

/** The panel's title: `MessageSent 8a3f0c6e`. */
export function inspectorTitle(record: RecordBasics): string {
  return recordLabel(record);
}

/** A stored body as text to show, with what is missing from it said plainly. */
export function shownBody(body: StoredBody, json: boolean | 'detect'): BodyShown {
  const kept = Buffer.byteLength(body.data, body.encoding === 'base64' ? 'base64' : 'utf8');
  const cut = body.truncated ? `Only the first ${kept.toLocaleString('en-US')} of ${body.size.toLocaleString('en-US')} bytes were kept.` : undefined;
  if (body.encoding === 'base64') return { text: body.data, json: false, note: ['Not UTF-8 text: shown as base64.', cut].filter(Boolean).join(' ') };
  return { text: body.data, json: body.truncated ? false : json, note: cut };
}

function actionsFor(record: WebhookRecord): PageAction[] {
  const replayable = record.kind !== 'too-large' && !record.body.truncated;
  const actions: PageAction[] = [];
  if (replayable) {
    actions.push(
      { action: INSPECTOR_ACTION.replay, label: 'Replay', title: 'Send this request again, bytes and headers as received', primary: true },
      { action: INSPECTOR_ACTION.replayWithEdits, label: 'Edit and Replay…', title: 'Change the path, headers or body, then send' },
      { action: INSPECTOR_ACTION.copyCurl, label: 'Copy as curl', title: 'A curl command that sends the same bytes and headers' },
    );
  }
  if (hasJsonBody(record)) actions.push({ action: INSPECTOR_ACTION.openBody, label: 'Open Body as JSON', title: 'The envelope in a read-only JSON editor' });
  if (record.kind === 'inbound') actions.unshift({ action: INSPECTOR_ACTION.showMail, label: 'Show Mail', title: 'The e-mail itself: headers, bodies and attachments', primary: !replayable });
  if (record.kind === 'postal' || record.kind === 'inbound') actions.push({ action: INSPECTOR_ACTION.timeline, label: 'Message Timeline', title: "Every event of this message, in order" });
  return actions;
}

function summary(record: WebhookRecord): Html {
  const meta = [
    `${record.method} ${record.path}`,
    `received ${localDateTime(record.receivedAt)}`,
    record.remoteAddress === undefined ? undefined : `from ${record.remoteAddress}`,
    `${record.body.size.toLocaleString('en-US')} bytes`,
    record.uuid === undefined ? undefined : `uuid ${record.uuid}`,
  ].filter((part): part is string => part !== undefined);
  return html`<header class="summary">
<h1>${record.event ?? (record.inbound === undefined ? html`<span class="method">${record.method}</span> <span class="path">${record.path}</span>` : `Inbound mail: ${record.inbound.subject ?? '(no subject)'}`)}${record.uuid === undefined ? '' : html` <span class="id">${record.uuid.slice(0, 8)}</span>`}</h1>
<p class="meta">${meta.join(' · ')}</p>
${actionBar(actionsFor(record))}
</header>`;
}

function answerSection(record: WebhookRecord): Html {
  const body = record.response.body;
  return section('answer', 'Our answer', html`${checkList([answerCheck(record)])}${bodyBlock('answer-body', { text: body, json: 'detect' })}`);
}

function forwardSection(record: WebhookRecord): Html | undefined {
  const check = forwardCheck(record);
  const forward = record.forward;
  if (check === undefined || forward === undefined) return undefined;
  if (forward.outcome !== 'response') return section('forward', 'Your app', checkList([check]));
  return section(
    'forward',
    'Your app',
    html`${checkList([check])}<h3>Headers</h3>${headerTable(Object.entries(forward.headers))}<h3>Body</h3>${bodyBlock('forward-body', shownBody(forward.body, 'detect'))}`,
  );
}

/** Whether the request carried a Postal signature, so that its body is the signed bytes. */
function carriesSignature(record: WebhookRecord): boolean {
  return record.signature.status !== 'missing';
}

/**
 * The inspector's page for one request: what happened first (checks, our answer, the app's),
 * then the evidence (headers in order and case, the body pretty and raw). Every value from the
 * request is escaped; none of it can format or run anything.
 */
export function requestPage(record: WebhookRecord): Html {
  const bodyNote = `${record.body.size.toLocaleString('en-US')} bytes, exactly as received${carriesSignature(record) ? '; the signature covers these bytes' : ''}`;
  return html`<main class="inspector">
${summary(record)}
${section('checks', 'Checks', checkList(requestChecks(record)))}
${answerSection(record)}
${forwardSection(record)}
${section('headers', 'Request headers', headerTable(record.headers.raw, SIGNATURE_HEADERS), `${record.headers.raw.length}`)}
${section('body', 'Body', bodyBlock('request-body', shownBody(record.body, hasJsonBody(record))), bodyNote)}
</main>`;
}

/** Shown instead when the request is gone from the history or its line cannot be read. */
export function missingRequestPage(why: string): Html {
  return html`<main class="inspector"><p class="gone">${why}</p></main>`;
}
