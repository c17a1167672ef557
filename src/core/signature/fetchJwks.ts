import { parsePublicKey, type PublicKeySet } from './publicKey';

export type JwksFetchResult = { ok: true; url: string; text: string; keySet: PublicKeySet } | { ok: false; url: string | undefined; message: string };

const OLD_POSTAL_HINT =
  'This Postal is probably older than 3.2.0, which has no JWKS endpoint: run `postal default-dkim-record` on the Postal host and paste the DNS record value instead.';

/**
 * Where a Postal server publishes its webhook key (3.2.0+): `https://<host>/.well-known/jwks.json`.
 * Accepts a bare host (`postal.example.com`), a host and port, or a full URL whose path is ignored;
 * `http://` is kept when typed out (a local Postal), anything else becomes https.
 */
export function jwksUrlFor(input: string): string | undefined {
  const trimmed = input.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (!URL.canParse(withScheme)) return undefined;
  const url = new URL(withScheme);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return `${url.protocol}//${url.host}/.well-known/jwks.json`;
}

/**
 * Fetches and parses a Postal server's JWKS. Never throws: an unreachable host, a timeout, a
 * 404 (Postal before 3.2.0) or a body that is not a usable key set each come back as a message
 * that says what to do.
 */
export async function fetchPostalJwks(host: string, deps: { fetch: typeof fetch; timeoutMs?: number }): Promise<JwksFetchResult> {
  const url = jwksUrlFor(host);
  if (url === undefined) return { ok: false, url, message: `"${host}" is not a host name. Enter your Postal's web host, e.g. postal.example.com.` };
  const timeoutMs = deps.timeoutMs ?? 10_000;
  let response: Response;
  try {
    response = await deps.fetch(url, { headers: { accept: 'application/json' }, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { ok: false, url, message: `Could not reach ${url}: ${reasonOf(error, timeoutMs)}. Check the host name and that this machine can reach it.` };
  }
  const text = await response.text().catch(() => '');
  if (response.status === 404) return { ok: false, url, message: `${url} answered 404 Not Found. ${OLD_POSTAL_HINT}` };
  if (!response.ok) return { ok: false, url, message: `${url} answered ${response.status} ${response.statusText}. Is this your Postal's web host?` };
  const parsed = parsePublicKey(text);
  if (!parsed.ok) {
    const html = /^\s*</.test(text) ? ' It sent a web page rather than a key set.' : '';
    return { ok: false, url, message: `${url} did not return a usable key set: ${parsed.error.message}${html} ${OLD_POSTAL_HINT}` };
  }
  return { ok: true, url, text: text.trim(), keySet: parsed.keySet };
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown }).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if ((typeof code === 'string' && code.startsWith('ERR_TLS')) || code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') {
    return 'its TLS certificate is not trusted';
  }
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Puts back the line breaks a single-line input box took out of a pasted PEM block, so that
 * `parsePublicKey` reads it. Other key forms are returned trimmed.
 */
export function normalizePastedKey(text: string): string {
  const trimmed = text.trim();
  const pem = /^-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----$/s.exec(trimmed);
  if (pem === null || trimmed.includes('\n')) return trimmed;
  const body = pem[2].replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${pem[1]}-----`, ...lines, `-----END ${pem[1]}-----`].join('\n');
}
