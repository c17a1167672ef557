import { type SignatureStatus } from '../signature';
import { INBOUND_KEY } from './inboundRows';
import { OTHER_KEY, type RecordSummary } from './recordSummary';

export const TIME_WINDOWS = {
  all: { label: 'All time', short: '', ms: Infinity },
  '15m': { label: 'Last 15 minutes', short: 'last 15 min', ms: 15 * 60_000 },
  '1h': { label: 'Last hour', short: 'last hour', ms: 60 * 60_000 },
  '1d': { label: 'Last 24 hours', short: 'last 24 h', ms: 24 * 60 * 60_000 },
} as const;
export type TimeWindow = keyof typeof TIME_WINDOWS;

/** Words for each signature state, in pickers and the view description. */
export const SIGNATURE_FILTER_LABELS: Record<SignatureStatus, { label: string; short: string; detail: string }> = {
  valid: { label: 'Valid signature', short: 'valid signature', detail: 'verified with the configured public key' },
  'dev-key': { label: 'Your development key', short: 'dev key', detail: "signed by this editor's test events and replays, not by Postal" },
  invalid: { label: 'Invalid signature', short: 'bad signature', detail: 'signed, but not by the configured key, or the body changed' },
  missing: { label: 'Unsigned', short: 'unsigned', detail: 'no X-Postal-Signature header: not from Postal, or a proxy dropped it' },
  'no-key': { label: 'Not checked', short: 'signature not checked', detail: 'signed, but no public key is set up' },
};

/** What the Events view shows; an empty list means "any". */
export interface EventFilter {
  /** Event names, `INBOUND_KEY` for inbound e-mail, and {@link OTHER_KEY} for other requests. */
  readonly events: readonly string[];
  /** Matched case-insensitively against event, recipient, subject, URL, domain and uuid. */
  readonly text: string;
  readonly signature: readonly SignatureStatus[];
  readonly window: TimeWindow;
}

export const NO_FILTER: EventFilter = { events: [], text: '', signature: [], window: 'all' };

export function isFilterActive(filter: EventFilter): boolean {
  return filter.events.length > 0 || filter.text.trim() !== '' || filter.signature.length > 0 || filter.window !== 'all';
}

/** A predicate for one filter, prepared once per refresh (`now` fixes the time window). */
export function filterPredicate(filter: EventFilter, now: number): (summary: RecordSummary) => boolean {
  if (!isFilterActive(filter)) return () => true;
  const events = filter.events.length === 0 ? undefined : new Set(filter.events);
  const signature = filter.signature.length === 0 ? undefined : new Set<string>(filter.signature);
  const needle = filter.text.trim().toLowerCase();
  const since = now - TIME_WINDOWS[filter.window].ms;
  return (summary) =>
    summary.record.receivedAt >= since &&
    (events === undefined || events.has(summary.typeKey)) &&
    (signature === undefined || signature.has(summary.record.signature.status)) &&
    (needle === '' || summary.search.includes(needle));
}

/** The filter in a few words for the view's description, e.g. `MessageSent, unsigned · last hour`. */
export function describeFilter(filter: EventFilter): string {
  const parts: string[] = [];
  const what = [
    ...shortList(filter.events.map((event) => (event === OTHER_KEY ? 'other requests' : event === INBOUND_KEY ? 'inbound mail' : event))),
    ...filter.signature.map((status) => SIGNATURE_FILTER_LABELS[status].short),
  ];
  if (what.length > 0) parts.push(what.join(', '));
  if (filter.text.trim() !== '') parts.push(`“${filter.text.trim()}”`);
  if (filter.window !== 'all') parts.push(TIME_WINDOWS[filter.window].short);
  return parts.join(' · ');
}

/** Up to two names, then "+N": the description has little room. */
function shortList(names: string[]): string[] {
  return names.length <= 2 ? names : [...names.slice(0, 2), `+${names.length - 2}`];
}
