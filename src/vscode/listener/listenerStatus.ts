import { escapeMarkdown } from '../../core/explorer/recordTooltip';
import { isLoopbackHost } from '../../core/http';
import { describeSources, type RefusalSummary } from '../../core/listener/refusals';
import { type ListenerController, type ListenerUiState, type StartProblem } from './listenerController';
import { type KeyState } from './listenerSettings';

/** The listener as the status bar item, its tooltip and the Events view's message line show it. */
export interface ListenerStatus {
  state: ListenerUiState;
  /** One plain line above the Events tree. */
  line: string;
  /** Status bar text with codicons, e.g. `$(radio-tower) Postal :8789 · 12`. */
  statusText: string;
  /** Markdown with codicons. */
  tooltip: string;
}

const STATE_WORDS: Record<ListenerUiState, string> = {
  stopped: 'Stopped',
  starting: 'Starting…',
  listening: 'Listening',
  stopping: 'Stopping…',
  error: 'Not listening (error)',
};

/** What the status says about the history besides its size (see `HistoryService`). */
export interface HistoryNotes {
  /** This window keeps its own file (another one holds the usual one). */
  notice?: string;
  /** Writing the history fails right now. */
  writeProblem?: string;
}

/** The key in a few words: `key fb224b07…`, or what is missing. */
export function keyWords(key: KeyState): string {
  if (key.status === 'ok') return `key ${key.summary.replace(/ \(.*\)$/, '')}`;
  if (key.status === 'invalid') return 'key setting unusable, signatures unchecked';
  return 'no key, signatures unchecked';
}

/**
 * Why the listener did not start, for people in the editor: core messages also name the CLI flag
 * (`… / --port`), and a port in use gets a sentence of its own.
 */
export function startProblemText(problem: StartProblem, where: { host: string; port: number }): string {
  if (problem.kind === 'listen' && problem.error.code === 'EADDRINUSE') {
    return `Port ${where.port} on ${where.host} is in use by another program (another listener, or a dev server?).`;
  }
  return problem.message.replace(/ \/ --[a-z-]+/g, '');
}

/** `12 refused`, for the Events view's title and message; empty when nothing was refused. */
export function refusedWords(refusals: RefusalSummary): string {
  return refusals.total === 0 ? '' : `${refusals.total.toLocaleString('en-US')} refused`;
}

/** ` · 12 refused` after a status line, while the listener runs and after it stopped. */
function withRefused(controller: ListenerController): string {
  const refused = refusedWords(controller.refusals);
  return refused === '' ? '' : ` · ${refused}`;
}

export function listenerStatus(controller: ListenerController, eventCount: number, history: HistoryNotes = {}): ListenerStatus {
  const { state, address, problem, settings } = controller;
  const configuredPort = settings.options.port ?? 0;
  const count = ` · ${eventCount}`;
  let line: string;
  let statusText: string;
  if (state === 'listening' && address !== undefined) {
    line = `Listening on ${address.url.replace(/^http:\/\//, '').replace(/\/$/, '')} · ${keyWords(settings.key)}${withRefused(controller)}`;
    statusText = `$(radio-tower) Postal :${address.port}${count}`;
  } else if (state === 'error') {
    line = `Not listening. ${problem === undefined ? 'The listener failed to start.' : startProblemText(problem, where(controller))}`;
    statusText = `$(error) Postal :${configuredPort}`;
  } else if (state === 'starting' || state === 'stopping') {
    line = `${STATE_WORDS[state]} · ${keyWords(settings.key)}`;
    statusText = '$(loading~spin) Postal';
  } else {
    line = `Listener stopped · ${keyWords(settings.key)}${withRefused(controller)}`;
    statusText = `$(circle-slash) Postal${count}`;
  }
  if (history.writeProblem !== undefined && state === 'listening') statusText = `$(warning) Postal :${address?.port ?? configuredPort}${count}`;
  return { state, line, statusText, tooltip: tooltipOf(controller, eventCount, history) };
}

function where(controller: ListenerController): { host: string; port: number } {
  return { host: controller.settings.options.host ?? '127.0.0.1', port: controller.settings.options.port ?? 0 };
}

function tooltipOf(controller: ListenerController, eventCount: number, history: HistoryNotes): string {
  const { state, address, problem, settings } = controller;
  const lines = [`**Postal Webhooks** · ${STATE_WORDS[state]}`, ''];
  if (address !== undefined) lines.push(`$(link) \`${address.url}\``, '');
  if (state === 'error' && problem !== undefined) lines.push(`$(error) ${startProblemText(problem, where(controller))}`, '');
  const host = address?.host ?? settings.options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) lines.push(`$(warning) Listening on ${host}: reachable from other machines`, '');
  const key = settings.key;
  if (key.status === 'ok') lines.push(`$(key) Public key \`${key.summary}\`: signatures are verified`, '');
  else if (key.status === 'invalid') lines.push(`$(warning) The public key setting is unusable: ${key.message}`, '');
  else lines.push('$(key) No public key: signatures are not checked. Run **Postal: Set Up Postal Public Key**.', '');
  lines.push(`$(history) ${eventCount} event${eventCount === 1 ? '' : 's'} in the history (keeps the last ${settings.maxEvents}, up to ${settings.maxSizeMB} MB)`, '');
  const refusals = controller.refusals;
  if (refusals.total > 0) {
    const count = `${refusals.total.toLocaleString('en-US')} request${refusals.total === 1 ? '' : 's'}`;
    lines.push(`$(shield) ${count} refused, not stored (${escapeMarkdown(describeSources(refusals))}): browsers, unknown Hosts or floods. **Show Log** says why and how to allow a tunnel.`, '');
  }
  if (history.writeProblem !== undefined) lines.push(`$(warning) The history cannot be written: ${history.writeProblem}. Requests are answered 503 until it can.`, '');
  if (history.notice !== undefined) lines.push(`$(info) ${history.notice}`, '');
  lines.push('Click for listener actions');
  return lines.join('\n');
}

/** `describeListener(controller).line` for the Events view, with no count needed. */
export function describeListener(controller: ListenerController): { line: string } {
  return { line: listenerStatus(controller, 0).line };
}
