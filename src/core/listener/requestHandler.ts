import { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { maskSecretHeaderMap, maskSecretHeaders, redactPath, redactUrl } from '../http';
import { type Logger } from '../logger';
import { type PublicKeyEntry, type SignatureResult, verifySignature } from '../signature';
import { type BodyFacts, createRecordId, headerMap, HistoryWriteError, type RecordHeaders, type RecordResponse, type StoredBody, type WebhookRecord, type WebhookStore } from '../store';
import { type FinishedForward } from './forwardRequest';
import { ForwardQueue } from './forwardQueue';
import { Gate, type RefusalSink, RETRY_AFTER_SECONDS } from './gate';
import { type EnvelopeValidator, inspectBody } from './inspectBody';
import { type ResolvedListenerOptions } from './listenerOptions';
import { type ProbeTokens } from './reachProbe';
import { collectHeaders, readBody } from './readBody';

export interface HandlerDeps {
  store: WebhookStore;
  logger: Logger;
  now: () => number;
  validate: EnvelopeValidator;
  /** Aborted when the listener stops: cancels forwards and cuts response delays short. */
  signal: AbortSignal;
  /** Called once per request when everything about it is settled (forward included). */
  onRecord(record: WebhookRecord): void;
  /** Called for each request refused at the gate (answered, never stored). */
  onRefuse: RefusalSink;
  /** This editor's development key, whose signatures are told apart from Postal's (read per request: it may appear later). */
  developmentKey?: () => PublicKeyEntry | undefined;
  /** Tokens of the probes that test a URL leads here: answered, never recorded. */
  probes?: ProbeTokens;
}

const JSON_TYPE = 'application/json';

/** How a record is answered once stored: extra headers, whether `onRecord` fires now, the body's facts. */
interface FinishOptions {
  headers?: OutgoingHttpHeaders;
  announce?: boolean;
  facts?: BodyFacts;
}

function emptyBody(size = 0): StoredBody {
  return { encoding: 'utf8', data: '', size, truncated: false };
}

/**
 * The per-request pipeline: pass the gate, read the raw body, verify, parse and validate, decide
 * the answer, put the record on disk, answer, and pass the request on to the app. One instance
 * per run of the server; `settled()` resolves once no request is in progress.
 */
export class RequestHandler {
  private active = 0;
  private idleWaiters: (() => void)[] = [];
  readonly gate: Gate;
  private readonly forwards: ForwardQueue | undefined;
  /** Settles when the listener stops: cuts response delays short with one listener on the signal, not one per request. */
  private readonly stopped: Promise<void>;

  constructor(
    private readonly options: ResolvedListenerOptions,
    private readonly deps: HandlerDeps,
  ) {
    this.gate = new Gate(options, deps.now, deps.onRefuse);
    const { forward } = options;
    if (forward !== undefined) this.forwards = new ForwardQueue(forward, options.forwardLimits, deps.signal, { now: deps.now, logger: deps.logger });
    this.stopped = new Promise((resolve) => (deps.signal.aborted ? resolve() : deps.signal.addEventListener('abort', () => resolve(), { once: true })));
  }

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (this.deps.probes?.answer(req, res) === true) return;
    const receivedAt = this.deps.now();
    const refusal = this.gate.admit(req);
    if (refusal !== undefined) {
      this.gate.refuse(req, res, refusal);
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      this.answerProbe(req, res);
      return;
    }
    this.active += 1;
    this.process(req, res, receivedAt).then(this.done, (error: unknown) => {
      this.fail(res, error);
      this.done();
    });
  };

  /** Resolves once no request is in progress. */
  settled(): Promise<void> {
    return this.active === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private readonly done = (): void => {
    this.active -= 1;
    if (this.active > 0 || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  private async process(req: IncomingMessage, res: ServerResponse, receivedAt: number): Promise<unknown> {
    const headers = collectHeaders(req.rawHeaders);
    const path = req.url ?? '/';
    if (req.method !== 'POST') {
      req.resume();
      const record = this.baseRecord(req, receivedAt, headers);
      record.response = this.errorResponse(405, 'method', `${req.method ?? 'This method'} is not accepted: Postal sends webhooks as POST.`);
      return this.finish(res, record, { headers: { allow: 'POST' } });
    }
    const read = await readBody(req, Math.max(this.options.maxBodyBytes, this.options.maxInboundBodyBytes));
    if (read.status === 'aborted') {
      this.deps.logger.debug(`${path}: the client went away before sending the whole body; nothing recorded`);
      return;
    }
    if (read.status === 'too-large') {
      const record = this.baseRecord(req, receivedAt, headers);
      tooLarge(record, read.size, `The body (${read.size} bytes or more) is larger than the listener's limits (${this.limitsText()}).`);
      return this.finish(res, record, { headers: { connection: 'close' } });
    }
    const signature = verifySignature(read.body, headers.map, { postal: this.options.publicKey, development: this.deps.developmentKey?.() });
    const flood = this.gate.admitChecked(signature.status, read.body.length);
    if (flood !== undefined) return this.gate.refuse(req, res, flood);
    const { record, facts } = await this.inspect(req, receivedAt, headers, read.body, signature);
    if (record.kind !== 'inbound' && read.body.length > this.options.maxBodyBytes) {
      tooLarge(record, read.body.length, `The body (${read.body.length} bytes) is larger than the listener's limit for webhooks (${this.limitsText()}).`);
      return this.finish(res, record);
    }
    if (this.options.requiredPath !== undefined && pathOf(path) !== this.options.requiredPath) {
      record.kind = 'rejected';
      record.response = this.errorResponse(404, 'path', `Nothing listens on ${pathOf(path)}: send webhooks to ${this.options.requiredPath}.`);
      return this.finish(res, record);
    }
    if (this.options.rejectUnsigned && (record.signature.status === 'missing' || record.signature.status === 'invalid')) {
      record.kind = 'rejected';
      record.response = this.errorResponse(401, 'signature', `Signature ${record.signature.status}: ${record.signature.reason ?? ''}`.trim());
      return this.finish(res, record);
    }
    return this.options.forward === undefined ? this.finish(res, record, { facts }) : this.forwardAndFinish(res, record, read.body, headers, facts);
  }

  private async inspect(req: IncomingMessage, receivedAt: number, headers: RecordHeaders, body: Buffer, signature: SignatureResult): Promise<{ record: WebhookRecord; facts?: BodyFacts }> {
    const record = this.baseRecord(req, receivedAt, headers);
    record.signature = signature;
    const inspection = inspectBody(body, this.deps.validate, headers.map['content-type']);
    record.body = inspection.stored;
    record.parse = inspection.parse;
    record.kind = inspection.kind;
    if (inspection.event !== undefined) record.event = inspection.event;
    if (inspection.schema !== undefined) record.schema = inspection.schema;
    if (inspection.inbound !== undefined) {
      // Inbound e-mail is checked by its own module, loaded the first time one arrives.
      const { inspectInbound } = await import('../inbound/inspectInbound.js');
      const inbound = await inspectInbound(inspection.inbound.value, inspection.inbound.format, inspection.inbound.encoding);
      record.inbound = inbound.summary;
      record.schema = inbound.schema;
    }
    if (inspection.uuid !== undefined) {
      record.uuid = inspection.uuid;
      const sighting = this.deps.store.sighting(inspection.uuid);
      record.duplicate = sighting !== undefined;
      record.attempt = (sighting?.count ?? 0) + 1;
    }
    const mode = this.options.response;
    if (mode.type === 'fixed') record.response = { status: mode.status, delayMs: mode.delayMs, body: receipt(record), reason: 'fixed' };
    return { record, facts: inspection.facts };
  }

  private async forwardAndFinish(res: ServerResponse, record: WebhookRecord, body: Buffer, headers: RecordHeaders, facts: BodyFacts | undefined): Promise<boolean> {
    const target = this.options.forward;
    if (target === undefined || this.forwards === undefined) return this.finish(res, record, { facts });
    // The app gets the request as it came, credentials included; the record keeps them masked.
    const forwarding = this.forwards.send(body, headers.raw).then((forward) => this.kept(forward));
    if (this.options.response.type === 'mirror') {
      const forward = await forwarding;
      record.forward = forward;
      record.response = mirrored(forward);
      const type = forward.outcome === 'response' ? forward.headers['content-type'] : JSON_TYPE;
      return this.finish(res, record, { headers: type === undefined ? {} : { 'content-type': type }, facts });
    }
    // The app must not slow down the answer to Postal: record it as pending, fill it in later.
    record.forward = { outcome: 'pending', url: redactUrl(target.url), startedAt: this.deps.now() };
    const stored = await this.finish(res, record, { announce: false, facts });
    const forward = await forwarding;
    record.forward = forward;
    if (stored) await this.deps.store.update(record.id, { forward }).catch((error: unknown) => this.updateFailed(error));
    this.deps.onRecord(record);
    return stored;
  }

  /**
   * Stores the record, waits any delay, answers, announces. Nothing is answered 2xx before it is
   * in the history: a record that cannot be stored is answered 503 with Retry-After, so that
   * Postal tries again later. Resolves whether it was stored.
   */
  private async finish(res: ServerResponse, record: WebhookRecord, options: FinishOptions = {}): Promise<boolean> {
    const stored = await this.keep(record, options.facts);
    const { status, delayMs } = record.response;
    if (stored && delayMs > 0 && !this.deps.signal.aborted) await Promise.race([sleep(delayMs, undefined, { ref: false }), this.stopped]);
    const body = responseBytes(record);
    const headers = stored ? options.headers : { ...options.headers, 'content-type': JSON_TYPE, 'retry-after': String(RETRY_AFTER_SECONDS) };
    res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
    if (options.announce !== false) this.deps.onRecord(record);
    return stored;
  }

  /**
   * The one place where records go into the history, so what is kept of a request is decided
   * here. A request too big for the history is kept as `too-large` (answered 413, without its
   * body); one that cannot be written is not kept and gets a 503 answer (see `finish`).
   */
  private async keep(record: WebhookRecord, facts: BodyFacts | undefined): Promise<boolean> {
    try {
      await this.deps.store.add(record, facts);
      return true;
    } catch (error) {
      if (error instanceof HistoryWriteError && error.reason === 'too-large' && record.kind !== 'too-large') {
        tooLarge(record, record.body.size, `${error.message} Raise the history's size limit to keep requests this big.`);
        return this.keep(record, undefined);
      }
      const reason = error instanceof Error ? error.message : String(error);
      record.response = this.errorResponse(503, 'not-stored', `${reason} The request was not stored; send it again later.`);
      return false;
    }
  }

  private baseRecord(req: IncomingMessage, receivedAt: number, headers: RecordHeaders): WebhookRecord {
    // What is stored is masked here, before anything is written; forwarding uses `headers` as they came.
    const raw = this.options.keepSecrets ? headers.raw : maskSecretHeaders(headers.raw);
    const record: WebhookRecord = {
      id: createRecordId(receivedAt),
      receivedAt,
      method: req.method ?? '',
      path: redactPath(req.url ?? '/'),
      headers: raw === headers.raw ? headers : { raw, map: headerMap(raw) },
      body: emptyBody(),
      parse: { status: 'not-read' },
      kind: 'rejected',
      signature: { status: 'missing' },
      duplicate: false,
      attempt: 1,
      response: { status: 200, delayMs: 0, body: '', reason: 'fixed' },
    };
    if (req.socket.remoteAddress !== undefined) record.remoteAddress = req.socket.remoteAddress;
    return record;
  }

  /** "1024 KB for webhooks, 25600 KB for inbound e-mail", for the 413 answer. */
  private limitsText(): string {
    const kb = (bytes: number): string => `${Math.round(bytes / 1024)} KB`;
    return `${kb(this.options.maxBodyBytes)} for webhooks, ${kb(this.options.maxInboundBodyBytes)} for inbound e-mail`;
  }

  private errorResponse(status: number, reason: RecordResponse['reason'], message: string): RecordResponse {
    return { status, delayMs: 0, body: JSON.stringify({ error: message }), reason };
  }

  /** GET/HEAD are health probes and browsers, not webhooks: answered, never recorded. */
  private answerProbe(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    const listening = this.options.requiredPath ?? '/';
    const isListeningPath = pathOf(req.url ?? '/') === listening;
    const text = isListeningPath ? `Postal Webhooks listener: POST Postal's webhooks to this URL (${listening}).\n` : 'Not found.\n';
    res.writeHead(isListeningPath ? 200 : 404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  /** A forward as the history keeps it: the app's credential headers (Set-Cookie…) masked (its URL's credentials always are). */
  private kept(forward: FinishedForward): FinishedForward {
    return forward.outcome === 'response' && !this.options.keepSecrets ? { ...forward, headers: maskSecretHeaderMap(forward.headers) } : forward;
  }

  /** A late forward result that could not be written: the store said why in the log; this says what is missing. */
  private updateFailed(error: unknown): void {
    this.deps.logger.debug(`a forward result was not stored: ${error instanceof Error ? error.message : String(error)}`);
  }

  private fail(res: ServerResponse, error: unknown): void {
    this.deps.logger.error(error instanceof Error ? error : String(error));
    if (res.headersSent) return;
    res.writeHead(500, { 'content-type': JSON_TYPE });
    res.end(JSON.stringify({ error: 'The listener failed to handle this request; see its log.' }));
  }
}

/** Makes a record one of a body not kept: `too-large`, answered 413. */
function tooLarge(record: WebhookRecord, size: number, message: string): void {
  record.kind = 'too-large';
  record.body = emptyBody(size);
  record.parse = { status: 'not-read' };
  delete record.event;
  delete record.uuid;
  delete record.schema;
  delete record.inbound;
  record.duplicate = false;
  record.attempt = 1;
  record.response = { status: 413, delayMs: 0, body: JSON.stringify({ error: message }), reason: 'too-large' };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Our answer's body: a short receipt that Postal shows in its webhook history. */
function receipt(record: WebhookRecord): string {
  const schema = record.schema === undefined ? 'unchecked' : record.schema.valid ? 'valid' : `${record.schema.issues.length} issue(s)`;
  return `{"received":true,"id":"${record.id}","signature":"${record.signature.status}","schema":"${schema}"}`;
}

/** The bytes to send: our text, or a mirrored app body exactly as the app sent it (even binary). */
function responseBytes(record: WebhookRecord): string | Buffer {
  const forward = record.forward;
  if (record.response.reason === 'mirror' && forward?.outcome === 'response' && forward.body.encoding === 'base64') return Buffer.from(forward.body.data, 'base64');
  return record.response.body;
}

/** Postal gets the app's status and body (a binary body is in `forward.body` only, not in `response.body`). */
function mirrored(forward: FinishedForward): RecordResponse {
  if (forward.outcome === 'response') {
    const body = forward.body.encoding === 'utf8' ? forward.body.data : '';
    return { status: forward.status, delayMs: 0, body, reason: 'mirror' };
  }
  const status = forward.error.code === 'timeout' ? 504 : 502;
  return { status, delayMs: 0, body: JSON.stringify({ error: forward.error.message }), reason: 'mirror' };
}
