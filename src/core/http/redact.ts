/**
 * Secrets kept out of what is stored and printed: credentials in URLs (`user:password@`, and
 * query parameters named like tokens and keys) and the values of headers that carry credentials.
 * Text is changed only where a secret is, so everything else reads exactly as it came.
 */

/** What replaces a secret in a URL. */
export const MASK = '***';

/** Header names whose values are credentials, whatever the service calls them. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|api[-_]?key|token|secret|passw(or)?d|session|credential|(^|-)auth(-|$)/i;

/** Query parameter names that carry credentials (`token`, `api_key`, `accessToken`, `sig`…). */
const SECRET_PARAMETER = /(token|secret|passw(or)?d|pwd|pass|apikey|key|auth|authorization|signature|sig|credentials?|session|sessionid|jwt)$/;

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i;

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name);
}

/**
 * A secret value as stored: a short prefix (the auth scheme, e.g. `Bearer`, stays readable) and
 * the length, enough to tell two apart and to see that one was sent, not enough to use it.
 */
export function maskSecret(value: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9-]*) (?=\S)/.exec(value)?.[0] ?? '';
  const secret = value.slice(scheme.length);
  const shown = secret.slice(0, Math.min(4, Math.floor(secret.length / 4)));
  return `${scheme}${shown}…[masked, ${value.length} chars]`;
}

/** Header pairs with the values of credential headers masked (see `maskSecret`). */
export function maskSecretHeaders(headers: readonly [string, string][]): [string, string][] {
  return headers.map(([name, value]) => [name, isSecretHeader(name) ? maskSecret(value) : value]);
}

/** A header map (an app's answer) with the values of credential headers masked. */
export function maskSecretHeaderMap(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isSecretHeader(name) ? maskSecret(value) : value]));
}

function isSecretParameter(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    // A malformed escape: judge the name as it is written.
  }
  return SECRET_PARAMETER.test(decoded.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/** `?a=1&token=abc#x` with the values of secret parameters replaced by `***`. */
function redactQuery(query: string): string {
  return query.replace(/([?&])([^=&#]*)=([^&#]*)/g, (whole, separator: string, name: string, value: string) =>
    value !== '' && isSecretParameter(name) ? `${separator}${name}=${MASK}` : whole,
  );
}

/**
 * A path as requested (`/hooks?token=abc`), with the values of secret query parameters masked.
 * Unchanged when it has none.
 */
export function redactPath(path: string): string {
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query) + redactQuery(path.slice(query));
}

/**
 * A URL for showing and storing: `user:password@` becomes `user:***@` (a user name alone, often
 * a token, becomes `***@`), and secret query parameters are masked. Unchanged when it has none.
 */
export function redactUrl(url: string): string {
  const withoutUser = url.replace(USERINFO, (_whole, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    return colon === -1 ? `${scheme}${MASK}@` : `${scheme}${userinfo.slice(0, colon)}:${MASK}@`;
  });
  const query = withoutUser.search(/[?#]/);
  if (query === -1 || withoutUser[query] === '#') return withoutUser;
  return withoutUser.slice(0, query) + redactQuery(withoutUser.slice(query));
}

/** Whether `url` has anything `redactUrl` masks. */
export function hasUrlSecrets(url: string): boolean {
  return redactUrl(url) !== url;
}

/** Every occurrence of `url` in `text` replaced by its redacted form (for messages that quote it). */
export function redactUrlIn(text: string, url: string): string {
  const redacted = redactUrl(url);
  return redacted === url || url === '' ? text : text.split(url).join(redacted);
}
