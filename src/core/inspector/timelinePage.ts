import { meaningful } from '../explorer/envelopeFields';
import { recordMarks } from '../explorer/itemSpec';
import { type Thread } from '../explorer/recordSummary';
import { localDateTime } from '../explorer/relativeTime';
import { type HistoryEntry } from '../store';
import { pill, section, type Tone } from '../webview/fragments';
import { attr, type Html, html } from '../webview/html';

/** The timeline's one action: open a row's request in the inspector. */
export const TIMELINE_ACTION = { inspect: 'inspect' } as const;

/** Outcome at a glance, as the tree colours events: delivered, delayed, failed, recipient activity. */
const EVENT_TONE: Record<string, Tone> = {
  MessageSent: 'ok',
  MessageDelayed: 'warn',
  MessageHeld: 'warn',
  MessageDeliveryFailed: 'bad',
  MessageBounced: 'bad',
  MessageLoaded: 'info',
  MessageLinkClicked: 'info',
};

/** "+2 s", "+5 min", "+3 h 10 min", "+2 days": how long after the previous event. */
export function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `+${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `+${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `+${hours} h${minutes % 60 === 0 ? '' : ` ${minutes % 60} min`}`;
  return `+${Math.round(hours / 24)} days`;
}

/** The detail that tells this event from its neighbours: Postal's delivery details, the clicked URL, the reader's agent. */
function rowDetail(entry: HistoryEntry): string | undefined {
  const fact = (name: string): string | undefined => meaningful(entry.facts, name);
  if (entry.event === 'MessageBounced') return [fact('bounce.from'), fact('bounce.subject')].filter(Boolean).join(' · ') || undefined;
  return fact('details') ?? fact('url') ?? fact('user_agent');
}

function row(entry: HistoryEntry, previous: HistoryEntry | undefined, focusId: string | undefined): Html {
  const tone = EVENT_TONE[entry.event ?? ''] ?? 'info';
  const marks = recordMarks(entry);
  const detail = rowDetail(entry);
  return html`<li class="moment${entry.id === focusId ? ' focus' : ''}">
<span class="when">${localDateTime(entry.receivedAt)}<span class="since">${previous === undefined ? '' : elapsed(entry.receivedAt - previous.receivedAt)}</span></span>
<span class="what">${pill(tone, entry.event ?? `${entry.method} ${entry.path}`)}${marks.length === 0 ? '' : html` <span class="marks">${marks.join(' · ')}</span>`}${detail === undefined ? '' : html`<span class="detail">${detail}</span>`}</span>
<button type="button" class="button" data-action="${attr(TIMELINE_ACTION.inspect)}" data-argument="${attr(entry.id)}" title="Open this request in the inspector">Inspect</button>
</li>`;
}

/**
 * One message's life, oldest first (sent → loaded → clicked → bounced), with the time between
 * events; `focusId` marks the event the timeline was opened from. The Events view keeps its grouping.
 */
export function timelinePage(thread: Thread, oldestFirst: readonly HistoryEntry[], focusId?: string): Html {
  const heading = thread.kind === 'message' ? 'Message' : thread.kind === 'domain' ? 'Domain' : thread.kind === 'server' ? 'Server' : 'Requests';
  const spanMs = oldestFirst.length > 1 ? oldestFirst[oldestFirst.length - 1].receivedAt - oldestFirst[0].receivedAt : 0;
  const span = spanMs >= 1000 ? elapsed(spanMs).slice(1) : undefined;
  const meta = [thread.detail, `${oldestFirst.length} event${oldestFirst.length === 1 ? '' : 's'}`, span === undefined ? undefined : `over ${span}`, thread.kind === 'message' ? `token ${thread.key}` : undefined]
    .filter((part): part is string => part !== undefined);
  let previous: HistoryEntry | undefined;
  const rows = oldestFirst.map((entry) => {
    const markup = row(entry, previous, focusId);
    previous = entry;
    return markup;
  });
  return html`<main class="timeline">
<header class="summary"><h1><span class="kind">${heading}</span> ${thread.label}</h1><p class="meta">${meta.join(' · ')}</p></header>
${section('events', 'Timeline', html`<ol class="moments">${rows}</ol>`)}
</main>`;
}
