import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { sendRequest } from '../http';

/** The header a probe carries its one-time token in. */
export const PROBE_HEADER = 'X-Postal-Webhooks-Probe';

/** How long a token is good for: one probe, sent right after it was issued. */
const TOKEN_LIFETIME_MS = 30_000;
/** Tokens waiting at most; older ones go first (a caller that never sends its probes cannot grow this). */
const MAX_PENDING = 64;

/**
 * One-time tokens that prove a URL leads to this very listener: the listener answers a POST
 * carrying one of them (once) with the token, records nothing and forwards nothing. A POST with
 * a token it did not issue is an ordinary request. A token travels only through the URL being
 * tested and back, so a proxy that answers 200 to anything cannot pass.
 */
export class ProbeTokens {
  private readonly pending = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(): string {
    const token = randomBytes(16).toString('hex');
    if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    this.pending.set(token, this.now() + TOKEN_LIFETIME_MS);
    return token;
  }

  /** Answers `req` if it is a probe with a token this listener issued; false for anything else. */
  answer(req: IncomingMessage, res: ServerResponse): boolean {
    const token = req.method === 'POST' ? req.headers[PROBE_HEADER.toLowerCase()] : undefined;
    if (typeof token !== 'string' || !this.take(token)) return false;
    req.resume();
    const body = JSON.stringify({ probe: token });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
    res.end(body);
    return true;
  }

  private take(token: string): boolean {
    const expires = this.pending.get(token);
    this.pending.delete(token);
    return expires !== undefined && expires >= this.now();
  }
}

/** Whether a URL reached the listener, and if not, what came back instead. */
export interface ReachResult {
  url: string;
  reached: boolean;
  /** For people: "answered in 3 ms", "answered 405 Unsupported method POST", "connection refused". */
  detail: string;
}

/**
 * POSTs a probe with `token` to `url`, as Postal would send a webhook (no redirects followed),
 * and says whether the listener that issued the token answered it. Never throws.
 */
export async function probeUrl(url: string, token: string, options: { timeoutMs?: number; now?: () => number } = {}): Promise<ReachResult> {
  const now = options.now ?? Date.now;
  const headers: [string, string][] = [
    ['Content-Type', 'application/json'],
    ['User-Agent', 'Postal-Webhooks-Probe'],
    [PROBE_HEADER, token],
  ];
  const exchange = await sendRequest({ url, headers, body: Buffer.from('{}') }, { timeoutMs: options.timeoutMs ?? 5000, maxBodyBytes: 4096, now });
  if (exchange.outcome === 'failed') return { url, reached: false, detail: exchange.error.message };
  const echoed = exchange.status === 200 && exchange.body.data === JSON.stringify({ probe: token });
  if (echoed) return { url, reached: true, detail: `a test POST reached the listener (${Math.round(exchange.durationMs)} ms)` };
  const text = exchange.body.encoding === 'utf8' ? exchange.body.data.trim().split('\n')[0].slice(0, 120) : '';
  const said = text === '' ? exchange.statusText : text;
  return { url, reached: false, detail: `a test POST was answered ${exchange.status}${said === '' ? '' : ` (${said})`} by something other than the listener` };
}
