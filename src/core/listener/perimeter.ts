import { type IncomingHttpHeaders } from 'node:http';
import { type HostPolicy, parseHostHeader } from './hostPolicy';

/**
 * Why a request was refused before its body was read:
 * - `browser`: it came from a web page (an `Origin` or Fetch Metadata header);
 * - `preflight`: a browser's CORS preflight (`OPTIONS`);
 * - `host`: its Host header names another site (DNS rebinding), or no allowed host;
 * - `flood`: with a public key set, more unsigned or badly signed requests than the budget allows.
 */
export type RefusalReason = 'browser' | 'preflight' | 'host' | 'flood';

export interface Refusal {
  reason: RefusalReason;
  status: 403 | 429;
  /** The answer's `error`, for whoever sent it. */
  message: string;
  /** The Host header as sent, for `host` refusals: the log says how to allow it. */
  host?: string;
}

/**
 * Postal's sender (Ruby's Net::HTTP) sends neither `Origin` nor `Sec-Fetch-*`; every browser
 * sends `Origin` with a POST and the Fetch Metadata headers with any request. Node's own `fetch`
 * (undici) sends `Sec-Fetch-Mode: cors` alone, as no browser does, so a lone `Sec-Fetch-Mode`
 * is a script, not a page, and passes.
 */
function fromBrowser(headers: IncomingHttpHeaders): boolean {
  if (headers.origin !== undefined) return true;
  return Object.keys(headers).some((name) => name.startsWith('sec-fetch-') && name !== 'sec-fetch-mode');
}

/**
 * The perimeter, checked before anything of the request is read: browsers (their preflights
 * too) may not send to the listener, and the Host must name it. GET and HEAD only read a line
 * saying what listens here (never recorded), so a browser may open that page; its Host is
 * still checked. Undefined when the request may come in.
 */
export function checkPerimeter(method: string | undefined, headers: IncomingHttpHeaders, hosts: HostPolicy): Refusal | undefined {
  const probe = method === 'GET' || method === 'HEAD';
  if (method === 'OPTIONS') return { reason: 'preflight', status: 403, message: 'Refused: this listener takes only Postal\'s requests, never a browser\'s.' };
  if (!probe && fromBrowser(headers)) return { reason: 'browser', status: 403, message: 'Refused: this listener takes only Postal\'s requests, never a browser\'s.' };
  if (!hosts.allows(headers.host)) return { reason: 'host', status: 403, message: `Refused: the Host ${JSON.stringify(headers.host ?? '')} is not this listener's name.`, host: headers.host ?? '' };
  return undefined;
}

/** The host name of a Host header, for advice on allowing it; the header itself when it cannot be read. */
export function hostNameOf(host: string): string {
  const parsed = parseHostHeader(host);
  return parsed === undefined ? host : parsed.name.includes(':') ? `[${parsed.name}]` : parsed.name;
}
