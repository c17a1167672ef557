import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';

/**
 * Names of this machine that only this machine resolves, so a web page cannot rebind them:
 * loopback, and the name Docker gives the host inside containers (Postal in Docker sends there).
 */
const LOOPBACK_NAMES = new Set(['localhost', '::1', 'host.docker.internal']);
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** A `Host` header split into its name (lower case, without brackets or trailing dot) and port. */
export interface HostHeader {
  name: string;
  port: number | undefined;
}

/** Reads `name`, `name:port`, `[v6]` or `[v6]:port`; undefined for anything else. */
export function parseHostHeader(value: string): HostHeader | undefined {
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s]+))(?::(\d{1,5}))?$/i.exec(value.trim());
  if (match === null) return undefined;
  const name = (match[1] ?? match[2]).toLowerCase().replace(/\.$/, '');
  const port = match[3] === undefined ? undefined : Number(match[3]);
  return { name, port };
}

interface AllowedEntry {
  /** A name, or `*.suffix` for every name under a domain. */
  pattern: string;
  port: number | undefined;
}

/**
 * Reads an allowed host as a user writes it: `abc.trycloudflare.com`, `localhost:9000`,
 * `*.ngrok-free.app`, or the whole URL of a tunnel (`https://abc.trycloudflare.com/`).
 * Undefined for text that names no host.
 */
export function parseAllowedHost(text: string): AllowedEntry | undefined {
  const trimmed = text.trim();
  const authority = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? (URL.canParse(trimmed) ? new URL(trimmed).host : '') : trimmed.replace(/\/.*$/, '');
  const wildcard = authority.startsWith('*.');
  const parsed = parseHostHeader(wildcard ? authority.slice(2) : authority);
  if (parsed === undefined || parsed.name === '') return undefined;
  return { pattern: wildcard ? `*.${parsed.name}` : parsed.name, port: parsed.port };
}

/** Why an allowed host cannot be used, or undefined when it can. */
export function allowedHostProblem(text: string): string | undefined {
  return parseAllowedHost(text) === undefined ? `"${text}" is not a host name: write it like abc.trycloudflare.com, localhost:9000 or *.ngrok-free.app.` : undefined;
}

/** The addresses of this machine's network interfaces, which a listener on every interface answers on. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address.toLowerCase().replace(/%.*$/, '')));
}

function isLoopbackName(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || (isIP(name) === 4 && name.startsWith('127.'));
}

/**
 * Which `Host` headers name this listener. DNS rebinding lets a web page send requests to
 * 127.0.0.1 under a name of its own (`attacker.example:8789`); such a request carries that name
 * in its Host header, which is how it is told apart. Accepted: this machine's loopback names
 * (and `host.docker.internal`) and the bound address on the listening port; with a listener on
 * every interface, this machine's own addresses and name; and the allowed hosts (a tunnel's
 * name, any port unless one is given).
 */
export class HostPolicy {
  private readonly ownNames: Set<string>;
  private readonly allowed: AllowedEntry[];

  constructor(
    bindHost: string,
    private readonly port: number,
    allowedHosts: readonly string[],
  ) {
    const bound = bindHost.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    this.ownNames = new Set(WILDCARD_HOSTS.has(bound) ? [...interfaceAddresses(), hostname().toLowerCase()] : [bound]);
    this.allowed = allowedHosts.map(parseAllowedHost).filter((entry): entry is AllowedEntry => entry !== undefined);
  }

  allows(hostHeader: string | undefined): boolean {
    const host = hostHeader === undefined ? undefined : parseHostHeader(hostHeader);
    if (host === undefined) return false;
    const port = host.port ?? 80;
    if ((isLoopbackName(host.name) || this.ownNames.has(host.name)) && port === this.port) return true;
    return this.allowed.some((entry) => matches(entry, host.name) && (entry.port === undefined || entry.port === port));
  }
}

function matches(entry: AllowedEntry, name: string): boolean {
  return entry.pattern.startsWith('*.') ? name.endsWith(entry.pattern.slice(1)) : entry.pattern === name;
}
