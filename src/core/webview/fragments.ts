import { attr, type Html, html, type HtmlValue } from './html';
import { isJsonText, prettyJson } from './jsonView';

/**
 * Building blocks shared by our webview pages (request inspector, send results, timelines):
 * each returns markup whose classes `media/webview/webview.css` styles with the theme's colours
 * and whose `data-` attributes `media/webview/webview.js` wires up.
 */

/** How good a result is: its colour on the page. */
export type Tone = 'ok' | 'warn' | 'bad' | 'info';

/** A button that asks the extension to do something (see `WebviewPanels`'s actions). */
export interface PageAction {
  action: string;
  label: string;
  /** A one-line explanation, shown on hover. */
  title: string;
  primary?: boolean;
  /** Passed back with the action, e.g. a record id. */
  argument?: string;
}

export function actionBar(actions: readonly PageAction[]): Html {
  return html`<nav class="actions">${actions.map(
    (item) =>
      html`<button type="button" class="button${item.primary === true ? ' primary' : ''}" data-action="${attr(item.action)}"${item.argument === undefined ? '' : html` data-argument="${attr(item.argument)}"`} title="${attr(item.title)}">${item.label}</button>`,
  )}</nav>`;
}

export function pill(tone: Tone, text: string): Html {
  return html`<span class="pill ${tone}">${text}</span>`;
}

/** A titled part of the page; `note` is a quieter word after the title. */
export function section(id: string, title: string, content: HtmlValue, note?: string): Html {
  return html`<section id="${attr(id)}"><h2>${title}${note === undefined ? '' : html` <span class="note">${note}</span>`}</h2>${content}</section>`;
}

/** `name: value` rows; the values are text from the request. */
export function facts(rows: readonly (readonly [string, HtmlValue])[]): Html {
  return html`<dl class="facts">${rows.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>`;
}

/** Headers in their order and case, as received or sent; `marked` names (lower case) are highlighted. */
export function headerTable(headers: readonly (readonly [string, string])[], marked: ReadonlySet<string> = new Set()): Html {
  if (headers.length === 0) return html`<p class="empty">No headers.</p>`;
  return html`<table class="headers"><tbody>${headers.map(
    ([name, value]) => html`<tr${marked.has(name.toLowerCase()) ? html` class="marked" title="Postal's signature"` : ''}><th scope="row">${name}</th><td>${value}</td></tr>`,
  )}</tbody></table>`;
}

/** A body as text: a JSON one gets a pretty tab (indented, coloured) beside the raw one. */
export interface BodyShown {
  text: string;
  /** Whether it is JSON; `'detect'` finds out by parsing it. */
  json: boolean | 'detect';
  /** Said under the block, e.g. that only part of the body was kept. */
  note?: string;
}

/** Tabs "Pretty" and "Raw" for JSON, else the raw text alone; an empty body says so. */
export function bodyBlock(id: string, body: BodyShown): Html {
  if (body.text === '') return html`<p class="empty">Empty body.</p>${body.note === undefined ? '' : html`<p class="note">${body.note}</p>`}`;
  const raw = html`<pre class="code raw">${body.text}</pre>`;
  const json = body.json === 'detect' ? isJsonText(body.text) : body.json;
  const pretty = json ? prettyJson(body.text) : undefined;
  const note = body.note === undefined ? '' : html`<p class="note">${body.note}</p>`;
  if (pretty === undefined) return html`${raw}${note}`;
  return html`<div class="tabs" data-tabs="${attr(id)}">
<div class="tab-bar" role="tablist"><button type="button" role="tab" data-tab="pretty" aria-selected="true">Pretty</button><button type="button" role="tab" data-tab="raw" aria-selected="false">Raw</button></div>
<pre class="code pretty" data-panel="pretty">${pretty}</pre>
<pre class="code raw" data-panel="raw" hidden>${body.text}</pre>
</div>${note}`;
}

/** One line of a check list: name, verdict and what it means. */
export interface CheckRow {
  name: string;
  tone: Tone;
  verdict: string;
  detail?: string;
  /** Listed under the detail (schema issues). */
  items?: readonly string[];
}

export function checkList(rows: readonly CheckRow[]): Html {
  return html`<ul class="checks">${rows.map(
    (row) =>
      html`<li class="check ${row.tone}"><span class="check-name">${row.name}</span>${pill(row.tone, row.verdict)}${row.detail === undefined ? '' : html`<span class="check-detail">${row.detail}</span>`}${
        row.items === undefined || row.items.length === 0 ? '' : html`<ul class="check-items">${row.items.map((item) => html`<li>${item}</li>`)}</ul>`
      }</li>`,
  )}</ul>`;
}
