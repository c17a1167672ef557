import { Emitter, type Disposable, type Event } from '../../core/emitter';
// Modules, not the listener's index: the server itself loads with the first start (see doStart).
import { type ListenerAddress, type WebhookListener } from '../../core/listener/createListener';
import { formatRecordLine } from '../../core/listener/formatRecordLine';
import { type ListenerError } from '../../core/listener/listenError';
import { type ListenerOptions } from '../../core/listener/listenerOptions';
import { NO_REFUSALS, type RefusalSummary } from '../../core/listener/refusals';
import { type Logger } from '../../core/logger';
import { SerialQueue } from '../../core/serialQueue';
import { type PublicKeyEntry } from '../../core/signature';
import { type WebhookRecord } from '../../core/store';
import { type HistoryService } from './historyService';
import { type ListenerSettings, type SettingProblem } from './listenerSettings';

/** What the Events view, the status bar and the `postalWebhooks.listenerState` context key show. */
export type ListenerUiState = 'stopped' | 'starting' | 'listening' | 'stopping' | 'error';

/**
 * Why the last start failed: a bad setting, no usable history file (nothing answered could be
 * stored), or the listen call itself (port in use, bad host…).
 */
export type StartProblem =
  | { kind: 'settings'; problems: SettingProblem[]; message: string }
  | { kind: 'history'; message: string }
  | { kind: 'listen'; error: ListenerError; message: string };

export type StartOutcome = { ok: true; address: ListenerAddress } | { ok: false; problem: StartProblem };

/** Refused requests are shown at most this often: a flood must not redraw the view per request. */
const REFUSALS_THROTTLE_MS = 500;

/** The development key's public half, which the listener recognises signatures of (see `DevelopmentKeyStore`). */
export interface DevelopmentKeySource {
  current(): PublicKeyEntry | undefined;
  existing(): Promise<PublicKeyEntry | undefined>;
}

/**
 * Runs the webhook listener for the extension: builds it from the current settings on every
 * start (so a restart picks up any change), keeps one start or stop at a time, logs one line
 * per request (headers and body only at trace level) and reports its state and the requests it
 * refused. Free of `vscode`: the host VS Code forwards the listener under (Remote, Codespaces) is
 * asked through `externalHost`, and allowed.
 */
export class ListenerController {
  private listener: WebhookListener | undefined;
  private subscriptions: Disposable[] = [];
  private readonly queue = new SerialQueue();
  private readonly _onDidChangeState: Emitter<ListenerUiState>;
  private readonly _onDidChangeRefusals: Emitter<RefusalSummary>;
  private refusalsTimer: NodeJS.Timeout | undefined;
  private lastRefusals: RefusalSummary = NO_REFUSALS;
  state: ListenerUiState = 'stopped';
  address: ListenerAddress | undefined;
  problem: StartProblem | undefined;
  /** The settings the listener runs with (or last failed to start with). */
  settings: ListenerSettings;
  readonly onDidChangeState: Event<ListenerUiState>;
  /** Fires (throttled) when requests are refused at the listener's gate. */
  readonly onDidChangeRefusals: Event<RefusalSummary>;

  constructor(
    private readonly history: HistoryService,
    private readonly readSettings: () => ListenerSettings,
    private readonly log: Logger,
    private readonly externalHost: () => Promise<string | undefined> = () => Promise.resolve(undefined),
    private readonly developmentKey?: DevelopmentKeySource,
  ) {
    this.settings = readSettings();
    const onError = (error: unknown): void => log.error(`a listener subscriber failed: ${String(error)}`);
    this._onDidChangeState = new Emitter(onError);
    this._onDidChangeRefusals = new Emitter(onError);
    this.onDidChangeState = this._onDidChangeState.event;
    this.onDidChangeRefusals = this._onDidChangeRefusals.event;
  }

  /** What the listener refused since it last started (kept after it stops, until the next start). */
  get refusals(): RefusalSummary {
    return this.listener?.refusals ?? this.lastRefusals;
  }

  get running(): boolean {
    return this.state === 'listening' || this.state === 'starting';
  }

  start(): Promise<StartOutcome> {
    return this.queue.run(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.queue.run(() => this.doStop());
  }

  restart(): Promise<StartOutcome> {
    return this.queue.run(async () => {
      await this.doStop();
      return this.doStart();
    });
  }

  /** Stops the listener and runs `work` before any other start (e.g. swapping the history it writes to). */
  stopFor(work: () => Promise<void>): Promise<void> {
    return this.queue.run(async () => {
      await this.doStop();
      await work();
    });
  }

  /** A one-time token for a probe that tests whether a URL leads here; undefined while not listening. */
  probeToken(): string | undefined {
    return this.state === 'listening' ? this.listener?.probes.issue() : undefined;
  }

  /** The settings in effect: those running, else what a start would use now. */
  effectiveSettings(): ListenerSettings {
    return this.listener === undefined ? this.readSettings() : this.settings;
  }

  /** Re-reads the settings while not running, so the status shows e.g. a new key before the next start. */
  reloadSettings(): void {
    if (this.listener !== undefined) return;
    this.settings = this.readSettings();
    this._onDidChangeState.fire(this.state);
  }

  async dispose(): Promise<void> {
    await this.stop();
    clearTimeout(this.refusalsTimer);
    this._onDidChangeState.dispose();
    this._onDidChangeRefusals.dispose();
  }

  private setState(state: ListenerUiState): void {
    if (this.state === state) return;
    this.state = state;
    this._onDidChangeState.fire(state);
  }

  private async doStart(): Promise<StartOutcome> {
    if (this.listener !== undefined && this.address !== undefined) return { ok: true, address: this.address };
    this.settings = this.readSettings();
    if (this.settings.problems.length > 0) {
      const message = this.settings.problems.map((problem) => problem.message).join(' ');
      return this.failed({ kind: 'settings', problems: this.settings.problems, message });
    }
    if (this.history.problem !== undefined) return this.failed({ kind: 'history', message: `${this.history.problem} Requests could not be stored, so they are not accepted.` });
    this.setState('starting');
    const options: ListenerOptions = { ...this.settings.options, allowedHosts: await this.allowedHosts() };
    if (this.settings.key.status === 'ok') options.publicKey = this.settings.key.keySet;
    // Read before the first request: a test event of ours must never look forged.
    await this.developmentKey?.existing().catch((error: unknown) => this.log.warn(`the development key could not be read: ${String(error)}`));
    // The server, its gate and its forwarding load with the first start, not with the extension.
    const { createListener } = await import('../../core/listener/createListener.js');
    const listener = createListener(options, { store: this.history.store, logger: this.log, developmentKey: () => this.developmentKey?.current() });
    const started = await listener.start();
    if (!started.ok) return this.failed({ kind: 'listen', error: started.error, message: started.error.message });
    this.listener = listener;
    this.lastRefusals = NO_REFUSALS;
    this._onDidChangeRefusals.fire(NO_REFUSALS);
    this.subscriptions = [listener.onDidSettleRecord((record) => this.logRecord(record)), listener.onDidRefuse(() => this.refusalsChanged())];
    this.address = started.address;
    this.problem = undefined;
    this.setState('listening');
    return { ok: true, address: started.address };
  }

  private failed(problem: StartProblem): StartOutcome {
    this.problem = problem;
    this.address = undefined;
    this.log.error(`not started: ${problem.message}`);
    this.setState('error');
    return { ok: false, problem };
  }

  private async doStop(): Promise<void> {
    const listener = this.listener;
    if (listener === undefined) {
      this.problem = undefined;
      this.setState('stopped');
      return;
    }
    this.setState('stopping');
    for (const subscription of this.subscriptions) subscription.dispose();
    this.subscriptions = [];
    await listener.stop();
    this.lastRefusals = listener.refusals;
    this.listener = undefined;
    this.address = undefined;
    this.setState('stopped');
  }

  /** The allowed hosts of the settings, and the host VS Code forwards the listener under, if any. */
  private async allowedHosts(): Promise<string[]> {
    const configured = [...(this.settings.options.allowedHosts ?? [])];
    const external = await this.externalHost().catch((error: unknown) => {
      this.log.warn(`could not learn the listener's forwarded address: ${String(error)}`);
      return undefined;
    });
    if (external === undefined || configured.includes(external)) return configured;
    this.log.info(`also accepting requests for ${external}, the address VS Code forwards the listener under`);
    return [...configured, external];
  }

  private refusalsChanged(): void {
    this.refusalsTimer ??= setTimeout(() => {
      this.refusalsTimer = undefined;
      this._onDidChangeRefusals.fire(this.refusals);
    }, REFUSALS_THROTTLE_MS);
  }

  private logRecord(record: WebhookRecord): void {
    // The log channel stamps each line with its own time.
    this.log.info(formatRecordLine(record, { color: false, time: false }));
    this.log.trace(`${record.id} headers: ${record.headers.raw.map(([name, value]) => `${name}: ${value}`).join(' | ')}`);
    this.log.trace(`${record.id} body (${record.body.encoding}, ${record.body.size} bytes): ${record.body.data}`);
  }
}
