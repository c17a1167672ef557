import { type Logger } from '../logger';
import { safeText } from '../safeText';
import { parseHostHeader } from './hostPolicy';
import { type Refusal, type RefusalReason } from './perimeter';

/** Distinct sources counted one by one; the rest are counted together, so a flood cannot grow memory. */
export const MAX_COUNTED_SOURCES = 32;
/** Refusals of a new kind logged each on a line of their own; after that, only summaries. */
const MAX_FIRST_LINES = 16;
/** At most one summary line per this long. */
export const REFUSAL_SUMMARY_MS = 60_000;
const OTHER_SOURCES = 'other sources';

/** How many requests were refused since the listener started: in all, per reason, per source. */
export interface RefusalSummary {
  total: number;
  byReason: Partial<Record<RefusalReason, number>>;
  /** Per reason and peer address, most first. */
  sources: { reason: RefusalReason; source: string; count: number }[];
}

export const NO_REFUSALS: RefusalSummary = Object.freeze({ total: 0, byReason: {}, sources: [] });

/** Counts of refused requests in fixed memory: a few counters, at most {@link MAX_COUNTED_SOURCES} sources. */
export class RefusalTally {
  private total = 0;
  private readonly byReason = new Map<RefusalReason, number>();
  private readonly bySource = new Map<string, { reason: RefusalReason; source: string; count: number }>();

  add(reason: RefusalReason, source: string): void {
    this.total += 1;
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
    const known = this.bySource.has(`${reason} ${source}`) || this.bySource.size < MAX_COUNTED_SOURCES - 1;
    const key = `${reason} ${known ? source : OTHER_SOURCES}`;
    const entry = this.bySource.get(key) ?? { reason, source: known ? source : OTHER_SOURCES, count: 0 };
    entry.count += 1;
    this.bySource.set(key, entry);
  }

  summary(): RefusalSummary {
    if (this.total === 0) return NO_REFUSALS;
    const sources = [...this.bySource.values()].map((entry) => ({ ...entry })).sort((a, b) => b.count - a.count);
    return { total: this.total, byReason: Object.fromEntries(this.byReason), sources };
  }
}

const WHY: Record<RefusalReason, string> = {
  browser: 'it came from a web page (it has an Origin or Sec-Fetch header; Postal sends neither)',
  preflight: 'it is a browser\'s CORS preflight (OPTIONS)',
  host: 'its Host is not this listener\'s name (a web page rebinding DNS, or a tunnel not allowed yet)',
  flood: 'too many unsigned or badly signed requests this minute (a public key is set, so Postal\'s are signed)',
};

/** One step that lets a tunnel's requests in: allow its name (with the port, for this machine's own names). */
function allowAdvice(host: string): string {
  const parsed = parseHostHeader(host);
  if (parsed === undefined) return 'A Host header like that cannot be allowed.';
  const isAddressOrLocal = parsed.name === 'localhost' || /^[\d.]+$/.test(parsed.name) || parsed.name.includes(':');
  const name = parsed.name.includes(':') ? `[${parsed.name}]` : parsed.name;
  const entry = isAddressOrLocal && parsed.port !== undefined ? `${name}:${parsed.port}` : name;
  return `If it is your tunnel or forwarded port, allow it: add "${safeText(entry)}" to postalWebhooks.listener.allowedHosts (on the command line: --allowed-host ${safeText(entry)}).`;
}

/**
 * Logs refused requests at a bounded rate: the first of each kind (reason, and Host for `host`)
 * on a line of its own that says why and what to do, then one summary line per minute at most
 * for the rest, and a last one when the listener stops.
 */
export class RefusalLog {
  private readonly firstSeen = new Set<string>();
  private pending = new RefusalTally();
  private pendingCount = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly summaryMs = REFUSAL_SUMMARY_MS,
  ) {}

  add(refusal: Refusal, source: string, method: string): void {
    const key = refusal.reason === 'host' ? `host ${refusal.host ?? ''}` : refusal.reason;
    if (!this.firstSeen.has(key) && this.firstSeen.size < MAX_FIRST_LINES) {
      this.firstSeen.add(key);
      const host = refusal.reason === 'host' ? ` for Host "${safeText(refusal.host ?? '')}"` : '';
      const advice = refusal.reason === 'host' ? ` ${allowAdvice(refusal.host ?? '')}` : '';
      this.logger.warn(`refused ${safeText(method)} from ${safeText(source)}${host} (${refusal.status}, not stored): ${WHY[refusal.reason]}.${advice}`);
      return;
    }
    this.pending.add(refusal.reason, source);
    this.pendingCount += 1;
    this.timer ??= setTimeout(() => this.flush(), this.summaryMs).unref();
  }

  /** Logs what was refused since the last line, if anything. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pendingCount === 0) return;
    this.logger.warn(`refused ${this.pendingCount} more request${this.pendingCount === 1 ? '' : 's'} (not stored): ${describeSources(this.pending.summary())}`);
    this.pending = new RefusalTally();
    this.pendingCount = 0;
  }
}

/** `browser 120 from 127.0.0.1, host 3 from ::1`, the biggest first. */
export function describeSources(summary: RefusalSummary, max = 4): string {
  const shown = summary.sources.slice(0, max).map((entry) => `${entry.reason} ${entry.count} from ${safeText(entry.source)}`);
  const more = summary.sources.length > max ? `, and ${summary.sources.length - max} more` : '';
  return `${shown.join(', ')}${more}`;
}
