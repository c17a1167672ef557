import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { createListener, type EnvelopeValidator, type ListenerOptions, type WebhookListener } from '../../../src/core/listener';
import { type Logger, silentLogger } from '../../../src/core/logger';
import { createMemoryStore, type WebhookRecord, type WebhookStore } from '../../../src/core/store';

export interface Harness {
  listener: WebhookListener;
  store: WebhookStore;
  url: string;
  port: number;
  /** Every record announced by `onDidSettleRecord`, in order. */
  announced: WebhookRecord[];
  /** The newest stored record, whole (headers and body), as the history reads it back. */
  latest(): WebhookRecord;
  /** Resolves with the `count`-th announced record (1-based), waiting if needed. */
  announcement(count: number): Promise<WebhookRecord>;
  close(): Promise<void>;
}

/** A real listener on a free port with an in-memory store (unless one is given). */
export async function startListener(options: ListenerOptions = {}, deps: { store?: WebhookStore; validate?: EnvelopeValidator; logger?: Logger } = {}): Promise<Harness> {
  const store = deps.store ?? createMemoryStore();
  const listener = createListener({ port: 0, ...options }, { store, logger: deps.logger ?? silentLogger, validate: deps.validate });
  const started = await listener.start();
  if (!started.ok) throw new Error(started.error.message);
  const announced: WebhookRecord[] = [];
  const waiting: { count: number; resolve(record: WebhookRecord): void }[] = [];
  listener.onDidSettleRecord((record) => {
    announced.push(record);
    for (const waiter of waiting.filter((entry) => entry.count <= announced.length)) waiter.resolve(announced[waiter.count - 1]);
  });
  return {
    listener,
    store,
    url: started.address.url,
    port: started.address.port,
    announced,
    latest: () => wholeRecord(store, store.list()[0]?.id),
    announcement: (count) =>
      count <= announced.length ? Promise.resolve(announced[count - 1]) : new Promise((resolve) => waiting.push({ count, resolve })),
    close: () => listener.stop(),
  };
}

/** A stored record read back whole; fails the test when it is not there. */
export function wholeRecord(store: WebhookStore, id: string | undefined): WebhookRecord {
  const record = id === undefined ? undefined : store.read(id);
  if (record === undefined) throw new Error(`no record ${id ?? '(none stored)'} in the history`);
  return record;
}

/** POSTs like Postal: JSON content type, Postal's user agent, the given extra headers. */
export function postLikePostal(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'User-Agent': 'Postal/3.3.6', ...headers } });
}

/** Writes raw bytes on a new TCP connection and resolves with everything the server sent back. */
export function rawExchange(port: number, bytes: Buffer | string, options: { endAfterWrite?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(received).toString('latin1')));
    socket.write(bytes);
    if (options.endAfterWrite === true) socket.end();
  });
}

export interface AppServer {
  url: string;
  received: { headers: IncomingMessage['headers']; rawHeaders: string[]; body: Buffer; url: string }[];
  close(): Promise<void>;
}

/** A stand-in for the user's app: a real HTTP server whose answer each test chooses. */
export async function startApp(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<AppServer> {
  const received: AppServer['received'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks), url: req.url ?? '' });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhooks/postal`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}
