import * as assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { postRaw } from '../../../src/core/http/postRaw';

interface Received {
  rawHeaders: string[];
  body: Buffer;
  url: string;
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ rawHeaders: req.rawHeaders, body, url: req.url ?? '' });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));
const options = { timeoutMs: 2000, maxBodyBytes: 1024 };

describe('postRaw: POST the way Postal does', () => {
  it('sends exactly the given headers, in their case, plus Host, Content-Length and Connection: close', async () => {
    const { server, url, received } = await serve((_req, res) => res.end('ok'));
    const body = Buffer.from('{"event":"MessageSent"}');
    const result = await postRaw(`${url}/hooks?x=1`, [['User-Agent', 'Postal/3.3.6'], ['X-Postal-Signature-Kid', 'abc']], body, options);
    await close(server);
    assert.ok(result.ok);
    assert.equal(result.response.status, 200);
    const [request] = received;
    assert.equal(request.url, '/hooks?x=1');
    assert.deepEqual(request.body, body);
    const names = request.rawHeaders.filter((_, index) => index % 2 === 0);
    assert.deepEqual([...names].sort(), ['Connection', 'Content-Length', 'Host', 'User-Agent', 'X-Postal-Signature-Kid'].sort());
    assert.equal(request.rawHeaders[request.rawHeaders.indexOf('Connection') + 1], 'close');
  });

  it('sends user:password from the URL as Basic auth, as Net::HTTP does', async () => {
    const { server, url, received } = await serve((_req, res) => res.end());
    await postRaw(url.replace('http://', 'http://hook%20user:s3cret@'), [], Buffer.from('{}'), options);
    await close(server);
    const auth = received[0].rawHeaders[received[0].rawHeaders.findIndex((name) => name.toLowerCase() === 'authorization') + 1];
    assert.equal(Buffer.from(auth.replace('Basic ', ''), 'base64').toString(), 'hook user:s3cret');
  });

  it('does not follow redirects', async () => {
    const { server, url, received } = await serve((_req, res) => {
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    });
    const result = await postRaw(url, [], Buffer.from('{}'), options);
    await close(server);
    assert.ok(result.ok);
    assert.equal(result.response.status, 302);
    assert.equal(received.length, 1);
  });

  it('keeps at most maxBodyBytes of the answer and says it cut it', async () => {
    const { server, url } = await serve((_req, res) => res.end('x'.repeat(5000)));
    const result = await postRaw(url, [], Buffer.from('{}'), { ...options, maxBodyBytes: 100 });
    await close(server);
    assert.ok(result.ok);
    assert.equal(result.response.body.data.length, 100);
    assert.equal(result.response.body.truncated, true);
  });

  it('reports a refused connection', async () => {
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const result = await postRaw(`http://127.0.0.1:${port}/`, [], Buffer.from('{}'), options);
    assert.deepEqual(result.ok ? 'answered' : result.code, 'refused');
  });

  it('gives up at the deadline when the server never answers', async () => {
    const { server, url } = await serve(() => undefined);
    const result = await postRaw(url, [], Buffer.from('{}'), { ...options, timeoutMs: 150 });
    server.closeAllConnections();
    await close(server);
    assert.deepEqual(result.ok ? 'answered' : result.code, 'timeout');
  });

  it('stops when its signal is aborted', async () => {
    const { server, url } = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await postRaw(url, [], Buffer.from('{}'), { ...options, signal: controller.signal });
    server.closeAllConnections();
    await close(server);
    assert.deepEqual(result.ok ? 'answered' : result.code, 'aborted');
  });

  it('refuses URLs that are not http or https without throwing', async () => {
    const result = await postRaw('ftp://example.com/', [], Buffer.from('{}'), options);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error.message, /use http:\/\/ or https:\/\//);
  });
});
