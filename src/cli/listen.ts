import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { redactUrl } from '../core/http';
import { createListener, formatRecordLine, type ListenerAddress, type ListenerOptions } from '../core/listener';
import { type Logger } from '../core/logger';
import { safeText } from '../core/safeText';
import { parsePublicKey, type PublicKeyEntry, type PublicKeySet, toPublicPem } from '../core/signature';
import { createMemoryStore, MB, openFileStore, type WebhookRecord, type WebhookStore } from '../core/store';
import { type CliIo, EXIT, readErrorText } from './io';
import { type ListenArgs, LISTEN_USAGE, parseListenArgs } from './listenArgs';
import { type CliCommand } from './command';

export interface ListenControl {
  /** Stops the listener and ends the command (exit 0) when aborted. */
  signal: AbortSignal;
  /** Called once listening, with the actual address (useful with --port 0). */
  onListening?(address: ListenerAddress): void;
}

const KEY_HINT =
  'No --public-key given: signatures are not checked. Get Postal\'s key with `postal default-dkim-record` on the Postal host, ' +
  'or from https://<postal-host>/.well-known/jwks.json (Postal 3.2+), save it to a file and pass --public-key FILE.';

/**
 * `postal-webhooks listen`: runs until `control.signal` aborts, then stops cleanly (server
 * closed, history flushed) and resolves 0. Resolves 2 when the options, the key file, the
 * history file or the port are unusable.
 */
export async function runListen(argv: string[], io: CliIo, control: ListenControl): Promise<number> {
  const args = parseListenArgs(argv);
  const publicKey = args.publicKeyFile === undefined ? undefined : await loadKey(args.publicKeyFile, io);
  const devKey = args.devKeyFile === undefined ? undefined : await loadDevKey(args.devKeyFile, io);
  if (publicKey === null || devKey === null) return EXIT.usage;
  const logger = cliLogger(io);
  const store = await openStore(args, logger, io);
  if (store === undefined) return EXIT.usage;
  const listener = createListener(listenerOptions(args, publicKey), { store, logger, developmentKey: () => devKey });
  const started = control.signal.aborted ? undefined : await listener.start();
  if (started?.ok !== true) {
    if (started !== undefined) io.err(`postal-webhooks listen: ${forTheCommandLine(started.error.message)}`);
    await store.close();
    return started === undefined ? EXIT.ok : EXIT.usage;
  }
  announce(started.address, args, publicKey, io);
  control.onListening?.(started.address);
  const output = new LineBatch(io.out);
  listener.onDidSettleRecord((record) => output.add(args.json ? JSON.stringify(recordJsonLine(record)) : formatRecordLine(record, { color: io.color })));
  await aborted(control.signal);
  await listener.stop();
  await store.close();
  output.flush();
  if (!args.json) io.out('Stopped.');
  return EXIT.ok;
}

/**
 * Request lines gathered per turn of the event loop and written together: one write per burst
 * instead of one per request (stdout to a pipe or file is written synchronously).
 */
class LineBatch {
  private lines: string[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly write: (text: string) => void) {}

  add(line: string): void {
    this.lines.push(line);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.lines.length === 0) return;
    const text = this.lines.join('\n');
    this.lines = [];
    this.write(text);
  }
}

/** A listener message names the setting and the flag (`postalWebhooks.listener.port / --port`): here only the flag. */
function forTheCommandLine(message: string): string {
  return message.replace(/ in postalWebhooks\.listener\.[A-Za-z]+ \/ (--[a-z-]+)/g, ' with $1').replace(/ \(postalWebhooks\.listener\.[A-Za-z]+ \/ (--[a-z-]+)\)/g, ' ($1)');
}

/** The command as registered in the CLI: Ctrl-C (SIGINT) or SIGTERM stops it. */
export const listenCommand: CliCommand = {
  usage: LISTEN_USAGE,
  async run(args, io) {
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      return await runListen(args, io, { signal: controller.signal });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};

function listenerOptions(args: ListenArgs, publicKey: PublicKeySet | undefined): ListenerOptions {
  const options: ListenerOptions = {
    host: args.host,
    port: args.port,
    response: args.response,
    rejectUnsigned: args.rejectUnsigned,
    allowedHosts: args.allowedHosts,
    unverifiedLimits: args.unverifiedLimits,
    keepSecrets: args.keepSecrets,
    maxInboundBodyBytes: args.maxInboundMb * MB,
  };
  if (args.path !== undefined) options.requiredPath = args.path;
  if (publicKey !== undefined) options.publicKey = publicKey;
  if (args.forwardTo !== undefined) options.forward = { url: args.forwardTo };
  return options;
}

/** The key set, or null after printing why the file cannot be used. */
async function loadKey(file: string, io: CliIo): Promise<PublicKeySet | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`postal-webhooks listen: cannot read the public key file ${file}: ${readErrorText(error)}.`);
    return null;
  }
  const parsed = parsePublicKey(text);
  if (parsed.ok) return parsed.keySet;
  io.err(`postal-webhooks listen: ${file}: ${parsed.error.message}`);
  return null;
}

/** The public half of `--dev-key` (a private signing key or a public key), or null after printing why not. */
async function loadDevKey(file: string, io: CliIo): Promise<PublicKeyEntry | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`postal-webhooks listen: cannot read the --dev-key file ${file}: ${readErrorText(error)}.`);
    return null;
  }
  let publicText = text;
  try {
    publicText = toPublicPem(createPrivateKey(text));
  } catch {
    // Not a private key: maybe its public half.
  }
  const parsed = parsePublicKey(publicText);
  if (parsed.ok) return parsed.keySet.keys[0];
  io.err(`postal-webhooks listen: --dev-key ${file}: give the signing.key (or public.pem) that \`postal-webhooks keygen\` wrote. ${parsed.error.message}`);
  return null;
}

async function openStore(args: ListenArgs, logger: Logger, io: CliIo): Promise<WebhookStore | undefined> {
  const limits = { maxRecords: args.maxHistory, maxBytes: args.maxHistoryMb * MB, logger };
  if (args.historyFile === undefined) return createMemoryStore(limits);
  const opened = await openFileStore(args.historyFile, { ...limits, app: 'postal-webhooks listen' });
  if (opened.ok) return opened.store;
  const remedy = opened.reason === 'locked' ? ' Stop it, or give this listener another --history file.' : '';
  io.err(`postal-webhooks listen: ${opened.message}${remedy}`);
  return undefined;
}

function announce(address: ListenerAddress, args: ListenArgs, publicKey: PublicKeySet | undefined, io: CliIo): void {
  // With --json, stdout carries only request lines; everything else goes to stderr.
  const say = args.json ? io.err : io.out;
  say(`Listening on ${address.url}  (Ctrl-C to stop)`);
  if (args.forwardTo !== undefined) say(`Forwarding to ${safeText(redactUrl(args.forwardTo))}`);
  if (args.historyFile !== undefined) say(`History: ${args.historyFile}`);
  if (args.allowedHosts.length > 0) say(`Also accepting requests for: ${args.allowedHosts.map(safeText).join(', ')}`);
  if (address.host === '0.0.0.0' || address.host === '::') say('Reachable from other machines: anyone who can reach this port can send it requests.');
  if (publicKey === undefined) io.err(KEY_HINT);
}

/**
 * The `--json` line of a request: what it was, the checks, our answer and the forward's outcome;
 * for inbound e-mail (`kind: "inbound"`) also `inbound`: format, encoding, subject, from, to,
 * rcptTo, mailFrom, attachments (a count) and the rest of the summary.
 */
export function recordJsonLine(record: WebhookRecord): Record<string, unknown> {
  const { signature, schema, response, forward } = record;
  return {
    id: record.id,
    receivedAt: new Date(record.receivedAt).toISOString(),
    method: record.method,
    path: record.path,
    kind: record.kind,
    event: record.event ?? null,
    uuid: record.uuid ?? null,
    duplicate: record.duplicate,
    attempt: record.attempt,
    signature: { status: signature.status, algorithm: signature.algorithm ?? null, ...(signature.reason === undefined ? {} : { reason: signature.reason }) },
    schema: schema === undefined ? null : { valid: schema.valid, issues: schema.issues },
    ...(record.inbound === undefined ? {} : { inbound: record.inbound }),
    response: { status: response.status, delayMs: response.delayMs },
    forward: forward === undefined ? null : forwardSummary(forward),
  };
}

function forwardSummary(forward: NonNullable<WebhookRecord['forward']>): Record<string, unknown> {
  if (forward.outcome === 'response') return { outcome: forward.outcome, url: forward.url, status: forward.status, durationMs: forward.durationMs, truncated: forward.body.truncated };
  if (forward.outcome === 'failed') return { outcome: forward.outcome, url: forward.url, durationMs: forward.durationMs, error: forward.error };
  return { outcome: forward.outcome, url: forward.url };
}

function cliLogger(io: CliIo): Logger {
  return {
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: (message) => io.err(`warning: ${safeText(message)}`),
    error: (message) => io.err(`error: ${safeText(typeof message === 'string' ? message : message.message)}`),
  };
}

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
