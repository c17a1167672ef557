import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type SignatureStatus } from '../signature';
import { HostPolicy } from './hostPolicy';
import { type ResolvedListenerOptions } from './listenerOptions';
import { checkPerimeter, type Refusal } from './perimeter';
import { UnverifiedBudget } from './unverifiedBudget';

/** Told of every refused request: it is counted and logged, never stored. */
export type RefusalSink = (refusal: Refusal, source: string, method: string) => void;

/** How long a client is asked to wait before trying again: a request refused as a flood, or one that could not be stored. */
export const RETRY_AFTER_SECONDS = 60;
const FLOOD_MESSAGE = 'Too many unsigned or badly signed requests this minute: this listener checks signatures, and Postal signs its requests. Try again later.';

/**
 * What a request must pass before the listener spends anything on it: the perimeter (no
 * browsers, a Host naming the listener) before the body is read, and, while a public key is set,
 * the budget of requests that do not prove they are Postal's. A refused request is answered at
 * once (no CORS headers, the connection closed, its body never read) and only counted.
 */
export class Gate {
  private hosts: HostPolicy;
  private readonly budget: UnverifiedBudget;

  constructor(
    private readonly options: ResolvedListenerOptions,
    now: () => number,
    private readonly onRefuse: RefusalSink,
  ) {
    this.hosts = new HostPolicy(options.host, options.port, options.allowedHosts);
    this.budget = new UnverifiedBudget(options.unverifiedLimits, now);
  }

  /** The port really listened on (port 0 picks one): the Host must name it. */
  listening(port: number): void {
    this.hosts = new HostPolicy(this.options.host, port, this.options.allowedHosts);
  }

  /** A refusal for a request that must not come in, before its body is read; undefined to let it in. */
  admit(req: IncomingMessage): Refusal | undefined {
    const refusal = checkPerimeter(req.method, req.headers, this.hosts);
    if (refusal !== undefined) return refusal;
    // Unsigned, with no room left this minute: refused without reading the body.
    const unsigned = req.headers['x-postal-signature'] === undefined && req.headers['x-postal-signature-256'] === undefined;
    if (this.options.publicKey !== undefined && unsigned && req.method === 'POST' && this.budget.exhausted()) return flood();
    return undefined;
  }

  /** Once the signature is checked: a refusal when an unverified request does not fit this minute's budget. */
  admitChecked(status: SignatureStatus, size: number): Refusal | undefined {
    if (this.options.publicKey === undefined || (status !== 'missing' && status !== 'invalid')) return undefined;
    return this.budget.take(size) ? undefined : flood();
  }

  /** Answers a refused request and reports it; its body is left unread and the connection closed. */
  refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
    const body = JSON.stringify({ error: refusal.message });
    const retry = refusal.status === 429 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {};
    res.writeHead(refusal.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close', ...retry });
    res.end(body);
    this.onRefuse(refusal, req.socket.remoteAddress ?? 'unknown', req.method ?? '');
  }
}

function flood(): Refusal {
  return { reason: 'flood', status: 429, message: FLOOD_MESSAGE };
}
