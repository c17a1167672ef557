// Modules, not the listener's index: the server itself loads with the first start (see ListenerController).
import { allowedHostProblem } from '../../core/listener/hostPolicy';
import { DEFAULT_LISTENER_HOST, DEFAULT_LISTENER_PORT, LISTENER_DEFAULTS, type ListenerOptions } from '../../core/listener/listenerOptions';
import { MAX_RESPONSE_DELAY_MS, type ResponseMode } from '../../core/listener/responseMode';
import { DEFAULT_UNVERIFIED_LIMITS } from '../../core/listener/unverifiedBudget';
import { redactUrl } from '../../core/http';
import { parsePublicKey, type PublicKeySet } from '../../core/signature';
import { DEFAULT_MAX_MB, DEFAULT_MAX_RECORDS, MB } from '../../core/store';
import { type SettingProblem as AnySettingProblem } from '../settingsReader';

/**
 * The listener, signature and history settings by name. Kept free of `vscode` imports so unit
 * tests can check them against package.json and parse them in plain Node.
 */
export const SETTING = {
  host: 'postalWebhooks.listener.host',
  port: 'postalWebhooks.listener.port',
  path: 'postalWebhooks.listener.path',
  autoStart: 'postalWebhooks.listener.autoStart',
  responseMode: 'postalWebhooks.listener.responseMode',
  responseStatus: 'postalWebhooks.listener.responseStatus',
  responseDelayMs: 'postalWebhooks.listener.responseDelayMs',
  rejectUnsigned: 'postalWebhooks.listener.rejectUnsigned',
  forwardUrl: 'postalWebhooks.listener.forwardUrl',
  forwardTimeoutMs: 'postalWebhooks.listener.forwardTimeoutMs',
  allowedHosts: 'postalWebhooks.listener.allowedHosts',
  unverifiedPerMinute: 'postalWebhooks.listener.unverifiedPerMinute',
  unverifiedKBPerMinute: 'postalWebhooks.listener.unverifiedKBPerMinute',
  keepSecrets: 'postalWebhooks.history.keepSecrets',
  maxInboundBodyMB: 'postalWebhooks.listener.maxInboundBodyMB',
  publicKey: 'postalWebhooks.signature.publicKey',
  maxEvents: 'postalWebhooks.history.maxEvents',
  maxSizeMB: 'postalWebhooks.history.maxSizeMB',
} as const;
export type SettingId = (typeof SETTING)[keyof typeof SETTING];

/**
 * Settings that start a server, send data elsewhere, open the listener to other sites or keep
 * secrets in clear: ignored from an untrusted workspace.
 */
export const RESTRICTED_SETTINGS: readonly SettingId[] = [SETTING.host, SETTING.port, SETTING.forwardUrl, SETTING.autoStart, SETTING.allowedHosts, SETTING.keepSecrets];

/** The history's size: a change reopens the history (and restarts a running listener on it). */
export const HISTORY_SETTINGS: readonly SettingId[] = [SETTING.maxEvents, SETTING.maxSizeMB];

/** Changes to these restart a running listener (autoStart and the history size do not). */
export const LISTENER_SETTINGS: readonly SettingId[] = Object.values(SETTING).filter((id) => id !== SETTING.autoStart && !HISTORY_SETTINGS.includes(id));

export const SETTING_LIMITS = {
  port: { min: 1, max: 65535 },
  responseStatus: { min: 200, max: 599 },
  responseDelayMs: { min: 0, max: MAX_RESPONSE_DELAY_MS },
  forwardTimeoutMs: { min: 100, max: 120_000 },
  unverifiedPerMinute: { min: 0, max: 100_000 },
  unverifiedKBPerMinute: { min: 0, max: 1_000_000 },
  maxInboundBodyMB: { min: 1, max: 1024 },
  maxEvents: { min: 10, max: 100_000 },
  maxSizeMB: { min: 1, max: 10_000 },
} as const;

export type KeyState =
  | { status: 'none' }
  | { status: 'ok'; keySet: PublicKeySet; /** e.g. `fb224b07… (JWKS)` */ summary: string }
  | { status: 'invalid'; message: string };

/** A value the listener cannot start with, in words that say what to put instead. */
export type SettingProblem = AnySettingProblem<SettingId>;

export interface ListenerSettings {
  /** Everything but the key, ready for `createListener`. */
  options: ListenerOptions;
  key: KeyState;
  autoStart: boolean;
  maxEvents: number;
  maxSizeMB: number;
  /** Bad values; while there are any the listener does not start. */
  problems: SettingProblem[];
}

const KEY_FORMAT_NAMES: Record<string, string> = {
  dns: 'DNS record',
  'spki-base64': 'base64 key',
  jwks: 'JWKS',
  jwk: 'JWK',
  'pem-spki': 'PEM',
  'pem-pkcs1': 'PEM',
  certificate: 'certificate',
};

export function describeKeySet(keySet: PublicKeySet): string {
  const first = keySet.keys[0];
  const more = keySet.keys.length > 1 ? ` +${keySet.keys.length - 1}` : '';
  return `${first.kid.slice(0, 8)}…${more} (${KEY_FORMAT_NAMES[keySet.format] ?? keySet.format})`;
}

export function keyStateOf(text: string): KeyState {
  if (text.trim() === '') return { status: 'none' };
  const parsed = parsePublicKey(text);
  return parsed.ok ? { status: 'ok', keySet: parsed.keySet, summary: describeKeySet(parsed.keySet) } : { status: 'invalid', message: parsed.error.message };
}

/** Reads and checks every listener setting through `get` (a configuration lookup by full id). */
export function readListenerSettings(get: (id: SettingId) => unknown): ListenerSettings {
  const problems: SettingProblem[] = [];
  const integer = (id: SettingId, fallback: number, limits: { min: number; max: number }, unit = ''): number => {
    const value = get(id) ?? fallback;
    if (typeof value === 'number' && Number.isInteger(value) && value >= limits.min && value <= limits.max) return value;
    problems.push({ setting: id, message: `${id} is ${JSON.stringify(value)}: use a whole number from ${limits.min} to ${limits.max}${unit}.` });
    return fallback;
  };
  const port = integer(SETTING.port, DEFAULT_LISTENER_PORT, SETTING_LIMITS.port);
  const options: ListenerOptions = {
    host: readHost(get, problems),
    port,
    response: readResponse(get, integer, problems),
    rejectUnsigned: get(SETTING.rejectUnsigned) === true,
    allowedHosts: readAllowedHosts(get, problems),
    unverifiedLimits: {
      requests: integer(SETTING.unverifiedPerMinute, DEFAULT_UNVERIFIED_LIMITS.requests, SETTING_LIMITS.unverifiedPerMinute),
      bytes: 1024 * integer(SETTING.unverifiedKBPerMinute, DEFAULT_UNVERIFIED_LIMITS.bytes / 1024, SETTING_LIMITS.unverifiedKBPerMinute, ' KB'),
    },
    keepSecrets: get(SETTING.keepSecrets) === true,
    maxInboundBodyBytes: integer(SETTING.maxInboundBodyMB, LISTENER_DEFAULTS.maxInboundBodyBytes / MB, SETTING_LIMITS.maxInboundBodyMB, ' MB') * MB,
  };
  const path = readPath(get, problems);
  if (path !== undefined) options.requiredPath = path;
  const forwardUrl = readForwardUrl(get, problems);
  if (forwardUrl !== undefined) options.forward = { url: forwardUrl, timeoutMs: integer(SETTING.forwardTimeoutMs, LISTENER_DEFAULTS.forwardTimeoutMs, SETTING_LIMITS.forwardTimeoutMs, ' ms') };
  if (options.response?.type === 'mirror' && forwardUrl === undefined) {
    problems.push({ setting: SETTING.responseMode, message: `${SETTING.responseMode} is "mirror", which answers Postal with your app's status, but ${SETTING.forwardUrl} is empty. Set your app's URL, or use "fixed".` });
  }
  const keyText = get(SETTING.publicKey);
  const maxEvents = integer(SETTING.maxEvents, DEFAULT_MAX_RECORDS, SETTING_LIMITS.maxEvents);
  const maxSizeMB = integer(SETTING.maxSizeMB, DEFAULT_MAX_MB, SETTING_LIMITS.maxSizeMB, ' MB');
  return { options, key: keyStateOf(typeof keyText === 'string' ? keyText : ''), autoStart: get(SETTING.autoStart) === true, maxEvents, maxSizeMB, problems };
}

function readHost(get: (id: SettingId) => unknown, problems: SettingProblem[]): string {
  const value = get(SETTING.host) ?? DEFAULT_LISTENER_HOST;
  if (typeof value === 'string' && /^[A-Za-z0-9.:[\]-]+$/.test(value.trim())) return value.trim().replace(/^\[(.*)\]$/, '$1');
  problems.push({ setting: SETTING.host, message: `${SETTING.host} is ${JSON.stringify(value)}: use 127.0.0.1 (this machine only), or 0.0.0.0 to accept requests from other machines.` });
  return DEFAULT_LISTENER_HOST;
}

function readAllowedHosts(get: (id: SettingId) => unknown, problems: SettingProblem[]): string[] {
  const value = get(SETTING.allowedHosts) ?? [];
  const hosts = Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '') : [];
  const bad = Array.isArray(value) ? hosts.map(allowedHostProblem).find((problem) => problem !== undefined) : 'it is not a list.';
  if (bad === undefined) return hosts.map((host) => host.trim());
  problems.push({ setting: SETTING.allowedHosts, message: `${SETTING.allowedHosts}: ${bad} Use a list of host names, e.g. ["abc.trycloudflare.com"].` });
  return [];
}

function readPath(get: (id: SettingId) => unknown, problems: SettingProblem[]): string | undefined {
  const value = get(SETTING.path) ?? '';
  if (value === '' || value === '/') return undefined;
  if (typeof value === 'string' && /^\/[^\s?#]*$/.test(value)) return value;
  problems.push({ setting: SETTING.path, message: `${SETTING.path} is ${JSON.stringify(value)}: use a path starting with "/" and without spaces, "?" or "#" (e.g. /webhooks/postal), or leave it empty to accept any path.` });
  return undefined;
}

function readForwardUrl(get: (id: SettingId) => unknown, problems: SettingProblem[]): string | undefined {
  const value = get(SETTING.forwardUrl) ?? '';
  if (value === '') return undefined;
  if (typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value.trim()) && URL.canParse(value.trim())) return value.trim();
  problems.push({ setting: SETTING.forwardUrl, message: `${SETTING.forwardUrl} is ${JSON.stringify(typeof value === 'string' ? redactUrl(value) : value)}: use your app's full http:// or https:// URL (e.g. http://localhost:3000/webhooks/postal), or leave it empty.` });
  return undefined;
}

function readResponse(
  get: (id: SettingId) => unknown,
  integer: (id: SettingId, fallback: number, limits: { min: number; max: number }, unit?: string) => number,
  problems: SettingProblem[],
): ResponseMode {
  const mode = get(SETTING.responseMode) ?? 'fixed';
  if (mode === 'mirror') return { type: 'mirror' };
  if (mode !== 'fixed') problems.push({ setting: SETTING.responseMode, message: `${SETTING.responseMode} is ${JSON.stringify(mode)}: use "fixed" or "mirror".` });
  const status = integer(SETTING.responseStatus, 200, SETTING_LIMITS.responseStatus);
  const delayMs = integer(SETTING.responseDelayMs, 0, SETTING_LIMITS.responseDelayMs, ' ms');
  return { type: 'fixed', status, delayMs };
}
