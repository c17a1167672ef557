/**
 * Headers that describe one connection (one hop), not the request: a client sets its own, so
 * they are dropped when a request is passed on, replayed or exported.
 */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

/** `headers` without the hop-by-hop ones, order and case kept. */
export function withoutHopByHopHeaders(headers: readonly (readonly [string, string])[]): [string, string][] {
  return headers.filter(([name]) => !HOP_BY_HOP_HEADERS.has(name.toLowerCase())).map(([name, value]): [string, string] => [name, value]);
}
