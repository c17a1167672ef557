import { createServer, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Emitter, type Event } from '../emitter';
import { type Logger } from '../logger';
import { SerialQueue } from '../serialQueue';
import { type PublicKeyEntry } from '../signature';
import { type WebhookRecord, type WebhookStore } from '../store';
import { type EnvelopeValidator, validateWithEventModel } from './inspectBody';
import { describeListenError, type ListenerError } from './listenError';
import { type ListenerOptions, listenerOptionsProblem, type ResolvedListenerOptions, resolveListenerOptions } from './listenerOptions';
import { ProbeTokens } from './reachProbe';
import { type Refusal } from './perimeter';
import { RefusalLog, type RefusalSummary, RefusalTally } from './refusals';
import { RequestHandler } from './requestHandler';

export type ListenerState = 'idle' | 'starting' | 'listening' | 'stopping' | 'error';

export interface ListenerAddress {
  /** The host as configured (127.0.0.1 by default). */
  host: string;
  /** The actual port, also when port 0 was asked for. */
  port: number;
  /** Where to point Postal (or a tunnel): `http://host:port/path`. */
  url: string;
}

export type StartResult = { ok: true; address: ListenerAddress } | { ok: false; error: ListenerError };

export interface ListenerDeps {
  store: WebhookStore;
  logger: Logger;
  now?: () => number;
  /** How a parsed body is checked; default: the event model's `validateEnvelope`. */
  validate?: EnvelopeValidator;
  /** The development key whose signatures get their own status (`dev-key`), when there is one. */
  developmentKey?: () => PublicKeyEntry | undefined;
}

export interface WebhookListener {
  /** Starts listening. Never rejects: a port in use or a bad host is an error result. */
  start(): Promise<StartResult>;
  /** Stops accepting, lets requests in progress finish (briefly), cancels forwards, flushes the history. */
  stop(): Promise<void>;
  /** Stops, applies `newOptions` over the current ones, starts again. */
  restart(newOptions?: ListenerOptions): Promise<StartResult>;
  readonly address: ListenerAddress | undefined;
  readonly state: ListenerState;
  /** The last start failure, while `state` is `error`. */
  readonly error: ListenerError | undefined;
  readonly options: ResolvedListenerOptions;
  /** Fires once per request, when it is settled: answered, and its forward (if any) done. */
  readonly onDidSettleRecord: Event<WebhookRecord>;
  readonly onDidChangeState: Event<ListenerState>;
  /** Tokens for probes that test whether a URL leads to this listener (see `probeUrl`). */
  readonly probes: ProbeTokens;
  /** Requests refused at the gate since this listener was created (counted, never stored). */
  readonly refusals: RefusalSummary;
  /** Fires for each refused request (a flood fires often: subscribers should throttle). */
  readonly onDidRefuse: Event<Refusal>;
}

/**
 * How long `stop()` lets requests in progress finish before cutting their connections: short,
 * so that Ctrl-C or a window reload stops the listener (history flushed) within two seconds.
 */
export const STOP_GRACE_MS = 1000;

/** Why forwards in progress end when the listener stops; their records say it. */
const STOPPED_REASON = 'Forwarding was cancelled because the listener stopped.';

/** See the module comment in index.ts. */
export function createListener(options: ListenerOptions, deps: ListenerDeps): WebhookListener {
  return new NodeWebhookListener(options, deps);
}

class NodeWebhookListener implements WebhookListener {
  private current: ResolvedListenerOptions;
  private server: Server | undefined;
  private handler: RequestHandler | undefined;
  private stopController: AbortController | undefined;
  // Starts and stops are queued so that a restart never races a stop.
  private readonly transitions = new SerialQueue();
  /** The answer being written on each connection, so a client error never writes over it. */
  private readonly answering = new WeakMap<Socket, ServerResponse>();
  private readonly _onDidSettleRecord: Emitter<WebhookRecord>;
  private readonly _onDidChangeState: Emitter<ListenerState>;
  private readonly _onDidRefuse: Emitter<Refusal>;
  private readonly refused = new RefusalTally();
  private readonly refusalLog: RefusalLog;
  state: ListenerState = 'idle';
  address: ListenerAddress | undefined;
  error: ListenerError | undefined;
  readonly onDidSettleRecord: Event<WebhookRecord>;
  readonly onDidChangeState: Event<ListenerState>;
  readonly probes: ProbeTokens;
  readonly onDidRefuse: Event<Refusal>;

  constructor(
    options: ListenerOptions,
    private readonly deps: ListenerDeps,
  ) {
    this.current = resolveListenerOptions(options);
    this.probes = new ProbeTokens(deps.now);
    const onListenerError = (error: unknown): void => deps.logger.error(`a listener subscriber failed: ${String(error)}`);
    this._onDidSettleRecord = new Emitter(onListenerError);
    this._onDidChangeState = new Emitter(onListenerError);
    this._onDidRefuse = new Emitter(onListenerError);
    this.onDidSettleRecord = this._onDidSettleRecord.event;
    this.onDidChangeState = this._onDidChangeState.event;
    this.onDidRefuse = this._onDidRefuse.event;
    this.refusalLog = new RefusalLog(deps.logger);
  }

  get options(): ResolvedListenerOptions {
    return this.current;
  }

  get refusals(): RefusalSummary {
    return this.refused.summary();
  }

  start(): Promise<StartResult> {
    return this.transitions.run(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.transitions.run(() => this.doStop());
  }

  restart(newOptions: ListenerOptions = {}): Promise<StartResult> {
    return this.transitions.run(async () => {
      await this.doStop();
      this.current = resolveListenerOptions({ ...this.current, ...newOptions });
      return this.doStart();
    });
  }

  private setState(state: ListenerState): void {
    if (this.state === state) return;
    this.state = state;
    this._onDidChangeState.fire(state);
  }

  private async doStart(): Promise<StartResult> {
    if (this.state === 'listening' && this.address !== undefined) return { ok: true, address: this.address };
    const problem = listenerOptionsProblem(this.current);
    if (problem !== undefined) return this.failed({ code: 'invalid-options', message: problem });
    this.setState('starting');
    const options = this.current;
    const stopController = new AbortController();
    const handler = new RequestHandler(options, {
      store: this.deps.store,
      logger: this.deps.logger,
      now: this.deps.now ?? Date.now,
      validate: this.deps.validate ?? validateWithEventModel,
      signal: stopController.signal,
      onRecord: (record) => this._onDidSettleRecord.fire(record),
      developmentKey: this.deps.developmentKey,
      probes: this.probes,
      onRefuse: (refusal, source, method) => {
        this.refused.add(refusal.reason, source);
        this.refusalLog.add(refusal, source, method);
        this._onDidRefuse.fire(refusal);
      },
    });
    const server = createServer(
      {
        headersTimeout: options.headersTimeoutMs,
        requestTimeout: options.requestTimeoutMs,
        // Node checks both timeouts on this interval (30 s by default): check often enough to honour them.
        connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(options.headersTimeoutMs / 4))),
        keepAliveTimeout: 5000,
      },
      handler.handle,
    );
    server.on('request', (req, res) => this.trackAnswer(req.socket, res));
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => this.answerClientError(error, socket));
    const listenError = await listen(server, options.host, options.port);
    if (listenError !== undefined) {
      server.close();
      return this.failed(describeListenError(listenError, options.host, options.port));
    }
    server.on('error', (error) => this.deps.logger.error(error));
    this.server = server;
    this.handler = handler;
    this.stopController = stopController;
    const port = (server.address() as AddressInfo).port;
    handler.gate.listening(port);
    const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
    this.address = { host: options.host, port, url: `http://${urlHost}:${port}${options.requiredPath ?? '/'}` };
    this.error = undefined;
    this.setState('listening');
    this.deps.logger.info(`listening on ${this.address.url}`);
    return { ok: true, address: this.address };
  }

  /** A start that failed is a result for the caller to report (once), not something to log here. */
  private failed(error: ListenerError): StartResult {
    this.error = error;
    this.address = undefined;
    this.setState('error');
    return { ok: false, error };
  }

  private async doStop(): Promise<void> {
    const { server, handler, stopController } = this;
    if (server === undefined || handler === undefined || stopController === undefined) {
      if (this.state === 'error') this.setState('idle');
      return;
    }
    this.setState('stopping');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    stopController.abort(STOPPED_REASON);
    const grace = new AbortController();
    await Promise.race([handler.settled(), sleep(STOP_GRACE_MS, undefined, { signal: grace.signal }).catch(() => undefined)]);
    grace.abort();
    server.closeAllConnections();
    await closed;
    await this.deps.store.flush().catch((error: unknown) => this.deps.logger.error(`could not flush the request history: ${String(error)}`));
    this.refusalLog.flush();
    this.server = undefined;
    this.handler = undefined;
    this.stopController = undefined;
    this.address = undefined;
    this.setState('idle');
    this.deps.logger.info('stopped');
  }

  /** Remembers the answer on `socket` until it is done (as Node itself tracks it, privately). */
  private trackAnswer(socket: Socket, res: ServerResponse): void {
    this.answering.set(socket, res);
    const forget = (): void => {
      if (this.answering.get(socket) === res) this.answering.delete(socket);
    };
    res.once('finish', forget);
    res.once('close', forget);
  }

  /** Malformed HTTP or a client too slow to send its request: answer, close, keep serving others. */
  private answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
    this.deps.logger.debug(`bad request from ${socket.remoteAddress ?? 'unknown'}: ${error.code ?? error.message}`);
    // Never write over an answer already started on this connection.
    if (error.code === 'ECONNRESET' || !socket.writable || this.answering.get(socket)?.headersSent === true) {
      socket.destroy();
      return;
    }
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
}

function listen(server: Server, host: string, port: number): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException): void => resolve(error);
    server.once('error', onError);
    server.listen({ host, port }, () => {
      server.off('error', onError);
      resolve(undefined);
    });
  });
}
