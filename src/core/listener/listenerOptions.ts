import { redactUrl } from '../http';
import { type PublicKeySet } from '../signature';
import { DEFAULT_FORWARD_LIMITS, type ForwardLimits } from './forwardQueue';
import { allowedHostProblem } from './hostPolicy';
import { DEFAULT_RESPONSE_MODE, type ResponseMode, responseModeProblem } from './responseMode';
import { DEFAULT_UNVERIFIED_LIMITS, type UnverifiedLimits } from './unverifiedBudget';

/** The listener's port unless configured: easy to remember, unused by common dev servers. */
export const DEFAULT_LISTENER_PORT = 8789;
/** Loopback only: nothing outside this machine can reach the listener unless the user opts in. */
export const DEFAULT_LISTENER_HOST = '127.0.0.1';

export const LISTENER_DEFAULTS = {
  host: DEFAULT_LISTENER_HOST,
  port: DEFAULT_LISTENER_PORT,
  /** Bigger webhook bodies are answered 413 and recorded as `too-large`. Postal's webhooks are a few KB. */
  maxBodyBytes: 1024 * 1024,
  /**
   * The same for inbound e-mail, whose bodies carry attachments: Postal accepts 14 MB messages by
   * default, which base64 (and a RawMessage's base64 of base64 parts) makes about 19 MB.
   */
  maxInboundBodyBytes: 25 * 1024 * 1024,
  /** Time allowed for a client to send the request headers (Node's `headersTimeout`). */
  headersTimeoutMs: 10_000,
  /** Time allowed for the whole request, body included (Node's `requestTimeout`). */
  requestTimeoutMs: 30_000,
  forwardTimeoutMs: 10_000,
  /** The part of the app's answer kept in the record (and mirrored back). */
  forwardMaxBodyBytes: 64 * 1024,
} as const;

export interface ForwardOptions {
  /** Where to pass each request on, e.g. `http://localhost:3000/webhooks/postal`. Used as-is: the incoming path is not appended. */
  url: string;
  /** Give up on the app after this long. Default 10 s. */
  timeoutMs?: number;
  /** Keep at most this much of the app's response body. Default 64 KB. */
  maxBodyBytes?: number;
}

/** Everything configurable about a listener. Only what differs from the defaults needs giving. */
export interface ListenerOptions {
  host?: string;
  /** 0 picks a free port; see `listener.address` for the one chosen. */
  port?: number;
  /** When set (e.g. `/hooks/postal`), POSTs to any other path are answered 404 (and recorded). */
  requiredPath?: string;
  maxBodyBytes?: number;
  /** The body limit for inbound e-mail (HTTP-endpoint requests). Default 25 MB. */
  maxInboundBodyBytes?: number;
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  response?: ResponseMode;
  /** Postal's public key(s); without it signatures are reported as `no-key`. */
  publicKey?: PublicKeySet;
  /** Answer 401 to requests whose signature is missing or invalid (not to `no-key`). Off by default. */
  rejectUnsigned?: boolean;
  forward?: ForwardOptions;
  /**
   * Host names accepted besides this machine's own (a tunnel's, `*.ngrok-free.app`, `name:port`):
   * requests whose Host header names anything else are refused (DNS rebinding).
   */
  allowedHosts?: readonly string[];
  /** While a public key is set: unsigned or badly signed requests taken in per minute; more get 429. */
  unverifiedLimits?: UnverifiedLimits;
  /** Forwards to the app at once, and waiting. */
  forwardLimits?: ForwardLimits;
  /** Store credential headers (Authorization, Cookie…) and URL credentials as they came, not masked. Off by default. */
  keepSecrets?: boolean;
}

/** Options with every default filled in. */
export interface ResolvedListenerOptions extends Required<Omit<ListenerOptions, 'requiredPath' | 'publicKey' | 'forward'>> {
  requiredPath?: string;
  publicKey?: PublicKeySet;
  forward?: Required<ForwardOptions>;
}

export function resolveListenerOptions(options: ListenerOptions): ResolvedListenerOptions {
  const resolved: ResolvedListenerOptions = {
    allowedHosts: options.allowedHosts ?? [],
    unverifiedLimits: options.unverifiedLimits ?? DEFAULT_UNVERIFIED_LIMITS,
    forwardLimits: options.forwardLimits ?? DEFAULT_FORWARD_LIMITS,
    keepSecrets: options.keepSecrets ?? false,
    host: options.host ?? LISTENER_DEFAULTS.host,
    port: options.port ?? LISTENER_DEFAULTS.port,
    maxBodyBytes: options.maxBodyBytes ?? LISTENER_DEFAULTS.maxBodyBytes,
    maxInboundBodyBytes: options.maxInboundBodyBytes ?? LISTENER_DEFAULTS.maxInboundBodyBytes,
    headersTimeoutMs: options.headersTimeoutMs ?? LISTENER_DEFAULTS.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? LISTENER_DEFAULTS.requestTimeoutMs,
    response: options.response ?? DEFAULT_RESPONSE_MODE,
    rejectUnsigned: options.rejectUnsigned ?? false,
  };
  if (options.requiredPath !== undefined) resolved.requiredPath = options.requiredPath;
  if (options.publicKey !== undefined) resolved.publicKey = options.publicKey;
  if (options.forward !== undefined) {
    resolved.forward = {
      url: options.forward.url,
      timeoutMs: options.forward.timeoutMs ?? LISTENER_DEFAULTS.forwardTimeoutMs,
      maxBodyBytes: options.forward.maxBodyBytes ?? LISTENER_DEFAULTS.forwardMaxBodyBytes,
    };
  }
  return resolved;
}

/** Why these options cannot start a listener, in words for the user; undefined when they can. */
export function listenerOptionsProblem(options: ResolvedListenerOptions): string | undefined {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    return `Port ${options.port} is not a valid port: use 1–65535 (or 0 for any free port) in postalWebhooks.listener.port / --port.`;
  }
  if (options.host.trim() === '') return 'The listener host is empty: use 127.0.0.1 (this machine only) or 0.0.0.0 (all interfaces).';
  if (options.requiredPath !== undefined && !options.requiredPath.startsWith('/')) return `The listener path "${options.requiredPath}" must start with "/".`;
  const responseProblem = responseModeProblem(options.response);
  if (responseProblem !== undefined) return responseProblem;
  if (options.response.type === 'mirror' && options.forward === undefined) {
    return 'The "mirror" response mode answers with the forwarded app\'s status, so it needs a forward URL (postalWebhooks.listener.forwardUrl / --forward-to).';
  }
  for (const [name, value] of [['maxBodyBytes', options.maxBodyBytes], ['maxInboundBodyBytes', options.maxInboundBodyBytes], ['headersTimeoutMs', options.headersTimeoutMs], ['requestTimeoutMs', options.requestTimeoutMs]] as const) {
    if (!Number.isInteger(value) || value <= 0) return `${name} must be a positive whole number, not ${value}.`;
  }
  if (options.headersTimeoutMs > options.requestTimeoutMs) return 'headersTimeoutMs cannot be longer than requestTimeoutMs.';
  const badHost = options.allowedHosts.map(allowedHostProblem).find((problem) => problem !== undefined);
  if (badHost !== undefined) return `Allowed host ${badHost}`;
  for (const [name, value] of [['unverified requests per minute', options.unverifiedLimits.requests], ['unverified bytes per minute', options.unverifiedLimits.bytes], ['forwards in flight', options.forwardLimits.maxInFlight], ['forwards waiting', options.forwardLimits.maxWaiting]] as const) {
    if (!Number.isInteger(value) || value < 0) return `The number of ${name} must be a whole number of 0 or more, not ${value}.`;
  }
  if (options.forwardLimits.maxInFlight === 0) return 'At least one forward must be allowed in flight.';
  return options.forward === undefined ? undefined : forwardUrlProblem(options.forward.url);
}

function forwardUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `The forward URL "${redactUrl(url)}" is not a URL. Write it in full, e.g. http://localhost:3000/webhooks/postal.`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `The forward URL must be http:// or https://, not ${parsed.protocol}//.`;
  return undefined;
}
