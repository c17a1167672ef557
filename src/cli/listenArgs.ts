import { allowedHostProblem, DEFAULT_LISTENER_HOST, DEFAULT_LISTENER_PORT, DEFAULT_UNVERIFIED_LIMITS, LISTENER_DEFAULTS, parseResponseMode, type ResponseMode } from '../core/listener';
import { targetUrlProblem } from '../core/replay/targetUrl';
import { DEFAULT_MAX_MB, DEFAULT_MAX_RECORDS, MB } from '../core/store';
import { UsageError } from './io';
import { numberOption } from './numberOption';
import { parseOptions } from './parseOptions';

const DEFAULT_INBOUND_MB = LISTENER_DEFAULTS.maxInboundBodyBytes / MB;

export const LISTEN_USAGE = `Usage: postal-webhooks listen [options]

Receives Postal's webhooks and the inbound e-mail Postal posts to HTTP endpoints (Hash or
RawMessage, JSON or form), checks each signature and payload, keeps every request, and can pass
them on to your app. Point a Postal webhook (or a tunnel in front of this machine) at the URL it
prints. Stop it with Ctrl-C.

Options:
  --host HOST            Address to listen on (default ${DEFAULT_LISTENER_HOST}: this machine only;
                         0.0.0.0 makes it reachable from other machines)
  --port PORT            Port (default ${DEFAULT_LISTENER_PORT}; 0 picks a free one)
  --path PATH            Only accept POSTs to this path (others get 404)
  --public-key FILE      Postal's public key, to verify signatures: the DNS record value
                         (postal default-dkim-record), the JWKS (/.well-known/jwks.json) or a PEM
  --dev-key FILE         Your own signing key (signing.key or public.pem from keygen): requests
                         signed with it show as "signature ✓ dev key", not as forged
  --forward-to URL       Pass every request on to your app (e.g. http://localhost:3000/hooks)
  --respond MODE         What to answer Postal: a status (default 200), STATUS:DELAY_MS
                         (e.g. 200:6000 makes Postal time out), or "mirror" (your app's answer;
                         needs --forward-to)
  --history FILE         Keep the requests in this JSONL file across runs (one listener per file)
  --max-history N        Requests kept (default ${DEFAULT_MAX_RECORDS})
  --max-history-mb N     Megabytes of requests kept (default ${DEFAULT_MAX_MB}); the file never
                         grows past 1.5 times this
  --max-inbound-mb N     Largest inbound e-mail body accepted, in megabytes (default ${DEFAULT_INBOUND_MB});
                         webhooks are limited to 1 MB
  --reject-unsigned      Answer 401 to requests without a valid signature (needs --public-key)
  --allowed-host HOST    Also accept requests whose Host is HOST (repeatable): your tunnel's
                         name (abc.trycloudflare.com), a forwarded port (localhost:9000) or
                         *.ngrok-free.app. Other Hosts are refused (DNS rebinding).
  --unverified-per-minute N
                         With --public-key: unsigned or badly signed requests kept per minute
                         (default ${DEFAULT_UNVERIFIED_LIMITS.requests}); more are answered 429 and only counted
  --unverified-kb-per-minute N
                         The same, in kilobytes of their bodies (default ${DEFAULT_UNVERIFIED_LIMITS.bytes / 1024})
  --keep-secrets         Keep Authorization, Cookie and API-key headers in the history as they
                         came (they are masked by default)
  --json                 One JSON line per request on stdout, instead of a readable line
  -h, --help             Show this help

Every request answered 2xx is in the history first; one that cannot be written (disk full)
is answered 503 with Retry-After, so that Postal sends it again.

Browsers' requests (with an Origin or Sec-Fetch-* header, and OPTIONS) and requests whose Host
is not this listener's (127.0.0.1, localhost, the bound address, or an --allowed-host) are
answered 403 before their body is read: counted, never stored nor forwarded.

Exit codes: 0 stopped cleanly, 2 bad options, the history file cannot be used (or another
listener uses it), or the listener could not start.`;

export interface ListenArgs {
  host: string;
  port: number;
  path?: string;
  publicKeyFile?: string;
  devKeyFile?: string;
  forwardTo?: string;
  response: ResponseMode;
  historyFile?: string;
  maxHistory: number;
  maxHistoryMb: number;
  maxInboundMb: number;
  rejectUnsigned: boolean;
  allowedHosts: string[];
  unverifiedLimits: { requests: number; bytes: number };
  keepSecrets: boolean;
  json: boolean;
}

/** Reads the `listen` options; throws UsageError with what is wrong. */
export function parseListenArgs(args: string[]): ListenArgs {
  const { values } = parseOptions({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      path: { type: 'string' },
      'public-key': { type: 'string' },
      'dev-key': { type: 'string' },
      'forward-to': { type: 'string' },
      respond: { type: 'string' },
      history: { type: 'string' },
      'max-history': { type: 'string' },
      'max-history-mb': { type: 'string' },
      'max-inbound-mb': { type: 'string' },
      'reject-unsigned': { type: 'boolean' },
      'allowed-host': { type: 'string', multiple: true },
      'unverified-per-minute': { type: 'string' },
      'unverified-kb-per-minute': { type: 'string' },
      'keep-secrets': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const result: ListenArgs = {
    host: values.host ?? DEFAULT_LISTENER_HOST,
    port: numberOption('--port', values.port, DEFAULT_LISTENER_PORT, { min: 0, max: 65535, integer: true }),
    response: responseOption(values.respond),
    maxHistory: numberOption('--max-history', values['max-history'], DEFAULT_MAX_RECORDS, { min: 1, max: 1_000_000, integer: true }),
    maxHistoryMb: numberOption('--max-history-mb', values['max-history-mb'], DEFAULT_MAX_MB, { min: 1, max: 100_000, integer: true }),
    maxInboundMb: numberOption('--max-inbound-mb', values['max-inbound-mb'], DEFAULT_INBOUND_MB, { min: 1, max: 1024, integer: true }),
    rejectUnsigned: values['reject-unsigned'] ?? false,
    allowedHosts: allowedHostsOption(values['allowed-host'] ?? []),
    unverifiedLimits: {
      requests: numberOption('--unverified-per-minute', values['unverified-per-minute'], DEFAULT_UNVERIFIED_LIMITS.requests, { min: 0, max: 1_000_000, integer: true }),
      bytes: 1024 * numberOption('--unverified-kb-per-minute', values['unverified-kb-per-minute'], DEFAULT_UNVERIFIED_LIMITS.bytes / 1024, { min: 0, max: 10_000_000, integer: true }),
    },
    keepSecrets: values['keep-secrets'] ?? false,
    json: values.json ?? false,
  };
  if (values.path !== undefined) result.path = values.path.startsWith('/') ? values.path : `/${values.path}`;
  if (values['public-key'] !== undefined) result.publicKeyFile = values['public-key'];
  if (values['dev-key'] !== undefined) result.devKeyFile = values['dev-key'];
  if (values['forward-to'] !== undefined) result.forwardTo = forwardUrl(values['forward-to']);
  if (values.history !== undefined) result.historyFile = values.history;
  if (result.response.type === 'mirror' && result.forwardTo === undefined) throw new UsageError('--respond mirror answers with your app\'s status, so it needs --forward-to URL.');
  if (result.rejectUnsigned && result.publicKeyFile === undefined) throw new UsageError('--reject-unsigned needs --public-key FILE to check signatures with.');
  return result;
}

function allowedHostsOption(hosts: string[]): string[] {
  const problem = hosts.map(allowedHostProblem).find((text) => text !== undefined);
  if (problem !== undefined) throw new UsageError(`--allowed-host: ${problem}`);
  return hosts;
}

function responseOption(text: string | undefined): ResponseMode {
  if (text === undefined) return { type: 'fixed', status: 200, delayMs: 0 };
  const parsed = parseResponseMode(text);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.mode;
}

/** Your app's URL: a full http(s) URL, or `host:port[/path]`, which means http:// (`localhost:3000/hooks`). */
function forwardUrl(text: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : /^[\w.-]+:\d+(?:\/\S*)?$/.test(text) ? `http://${text}` : undefined;
  const problem = url === undefined ? `${JSON.stringify(text)} is not a URL` : targetUrlProblem(url);
  if (problem !== undefined) throw new UsageError(`--forward-to: ${problem.replace(/[.;]? *write it like .*$/, '')}. Give your app's URL, e.g. http://localhost:3000/webhooks/postal`);
  return url as string;
}
