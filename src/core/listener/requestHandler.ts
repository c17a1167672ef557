import { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Logger } from '../logger';
import { verifySignature } from '../signature';
import { createRecordId, type RecordHeaders, type RecordResponse, type StoredBody, type WebhookRecord, type WebhookStore } from '../store';
import { type FinishedForward, forwardRequest } from './forwardRequest';
import { type EnvelopeValidator, inspectBody } from './inspectBody';
import { type ResolvedListenerOptions } from './listenerOptions';
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
}

const JSON_TYPE = 'application/json';

function emptyBody(size = 0): StoredBody {
  return { encoding: 'utf8', data: '', size, truncated: false };
}

/**
 * The per-request pipeline: read the raw body, verify, parse and validate, decide the answer,
 * put the record on disk, answer, and pass the request on to the app. One instance per run of
 * the server; `settled()` resolves once no request is in progress.
 */
export class RequestHandler {
  private active = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly options: ResolvedListenerOptions,
    private readonly deps: HandlerDeps,
  ) {}

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const receivedAt = this.deps.now();
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

  private async process(req: IncomingMessage, res: ServerResponse, receivedAt: number): Promise<void> {
    const headers = collectHeaders(req.rawHeaders);
    const path = req.url ?? '/';
    if (req.method !== 'POST') {
      req.resume();
      const record = this.baseRecord(req, receivedAt, headers);
      record.response = this.errorResponse(405, 'method', `${req.method ?? 'This method'} is not accepted: Postal sends webhooks as POST.`);
      return this.finish(res, record, { allow: 'POST' });
    }
    const read = await readBody(req, this.options.maxBodyBytes);
    if (read.status === 'aborted') {
      this.deps.logger.debug(`${path}: the client went away before sending the whole body; nothing recorded`);
      return;
    }
    if (read.status === 'too-large') {
      const record = this.baseRecord(req, receivedAt, headers);
      record.kind = 'too-large';
      record.body = emptyBody(read.size);
      const limit = `${Math.round(this.options.maxBodyBytes / 1024)} KB`;
      record.response = this.errorResponse(413, 'too-large', `The body (${read.size} bytes or more) is larger than the listener's ${limit} limit.`);
      return this.finish(res, record, { connection: 'close' });
    }
    const record = this.inspect(req, receivedAt, headers, read.body);
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
    return this.options.forward === undefined ? this.finish(res, record) : this.forwardAndFinish(res, record, read.body, headers);
  }

  private inspect(req: IncomingMessage, receivedAt: number, headers: RecordHeaders, body: Buffer): WebhookRecord {
    const record = this.baseRecord(req, receivedAt, headers);
    record.signature = verifySignature(body, headers.map, this.options.publicKey);
    const inspection = inspectBody(body, this.deps.validate);
    record.body = inspection.stored;
    record.parse = inspection.parse;
    record.kind = inspection.kind;
    if (inspection.event !== undefined) record.event = inspection.event;
    if (inspection.schema !== undefined) record.schema = inspection.schema;
    if (inspection.uuid !== undefined) {
      record.uuid = inspection.uuid;
      const sighting = this.deps.store.sighting(inspection.uuid);
      record.duplicate = sighting !== undefined;
      record.attempt = (sighting?.count ?? 0) + 1;
    }
    const mode = this.options.response;
    if (mode.type === 'fixed') record.response = { status: mode.status, delayMs: mode.delayMs, body: receipt(record), reason: 'fixed' };
    return record;
  }

  private async forwardAndFinish(res: ServerResponse, record: WebhookRecord, body: Buffer, headers: RecordHeaders): Promise<void> {
    const target = this.options.forward;
    if (target === undefined) return this.finish(res, record);
    const forwarding = forwardRequest(body, headers.raw, target, { now: this.deps.now, signal: this.deps.signal });
    if (this.options.response.type === 'mirror') {
      const forward = await forwarding;
      record.forward = forward;
      record.response = mirrored(forward);
      const type = forward.outcome === 'response' ? forward.headers['content-type'] : JSON_TYPE;
      return this.finish(res, record, type === undefined ? {} : { 'content-type': type });
    }
    // The app must not slow down the answer to Postal: record it as pending, fill it in later.
    record.forward = { outcome: 'pending', url: target.url, startedAt: this.deps.now() };
    await this.finish(res, record, {}, false);
    const forward = await forwarding;
    await this.deps.store.update(record.id, { forward }).catch((error: unknown) => this.writeFailed(error));
    this.deps.onRecord(record);
  }

  /** Stores the record (on disk before answering), waits any delay, answers, announces. */
  private async finish(res: ServerResponse, record: WebhookRecord, headers: OutgoingHttpHeaders = {}, announce = true): Promise<void> {
    try {
      await this.deps.store.add(record);
    } catch (error) {
      this.writeFailed(error);
    }
    const { status, delayMs } = record.response;
    if (delayMs > 0 && !this.deps.signal.aborted) await sleep(delayMs, undefined, { signal: this.deps.signal }).catch(() => undefined);
    const body = responseBytes(record);
    res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
    if (announce) this.deps.onRecord(record);
  }

  private baseRecord(req: IncomingMessage, receivedAt: number, headers: RecordHeaders): WebhookRecord {
    const record: WebhookRecord = {
      id: createRecordId(receivedAt),
      receivedAt,
      method: req.method ?? '',
      path: req.url ?? '/',
      headers,
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

  private writeFailed(error: unknown): void {
    this.deps.logger.error(`could not write the request history: ${error instanceof Error ? error.message : String(error)}. Requests are kept in memory only.`);
  }

  private fail(res: ServerResponse, error: unknown): void {
    this.deps.logger.error(error instanceof Error ? error : String(error));
    if (res.headersSent) return;
    res.writeHead(500, { 'content-type': JSON_TYPE });
    res.end(JSON.stringify({ error: 'The listener failed to handle this request; see its log.' }));
  }
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
