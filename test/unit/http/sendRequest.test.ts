import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { sendRequest } from '../../../src/core/http';
import { freePort } from '../helpers/listenerHarness';

const options = { timeoutMs: 2000, maxBodyBytes: 1024, now: () => performance.now() };
const request = (url: string) => ({ url, headers: [['Content-Type', 'application/json']] as [string, string][], body: Buffer.from('{}') });

async function serve(answer: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}

const close = (server: Server): Promise<void> => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
};

describe('sendRequest: one request, its answer or why there was none', () => {
  it('returns the answer with when it was sent and how long it took', async () => {
    const { server, url } = await serve((_req, res) => res.writeHead(202, { 'X-App': 'yes' }).end('queued'));
    try {
      const exchange = await sendRequest(request(url), options);
      assert.ok(exchange.outcome === 'response');
      assert.deepEqual({ url: exchange.url, status: exchange.status, header: exchange.headers['x-app'], body: exchange.body.data }, { url, status: 202, header: 'yes', body: 'queued' });
      assert.ok(exchange.durationMs >= 0 && exchange.startedAt > 0);
    } finally {
      await close(server);
    }
  });

  it('words a refused connection as a question the user can act on', async () => {
    const url = `http://127.0.0.1:${await freePort()}/hook`;
    const exchange = await sendRequest(request(url), options);
    assert.ok(exchange.outcome === 'failed');
    assert.equal(exchange.error.code, 'refused');
    assert.match(exchange.error.message, /^Connection refused by 127\.0\.0\.1:\d+: is your app running\?/);
  });

  it('says how long it waited when no answer came in time', async () => {
    const { server, url } = await serve(() => undefined);
    try {
      const exchange = await sendRequest(request(url), { ...options, timeoutMs: 200 });
      assert.ok(exchange.outcome === 'failed');
      assert.equal(exchange.error.code, 'timeout');
      assert.match(exchange.error.message, /did not answer within 0\.2 s/);
    } finally {
      await close(server);
    }
  });

  it('classifies https spoken to a plain http server as a TLS failure', async () => {
    const { server, url } = await serve((_req, res) => res.end('plain'));
    try {
      const exchange = await sendRequest(request(url.replace('http://', 'https://')), options);
      assert.ok(exchange.outcome === 'failed');
      assert.equal(exchange.error.code, 'tls');
      assert.match(exchange.error.message, /^TLS with 127\.0\.0\.1:\d+ failed \(.+\): check its certificate, or use http:\/\//);
      assert.doesNotMatch(exchange.error.message, /\n|ssl3_|\.c:\d/, 'OpenSSL\'s file and function names are left out');
    } finally {
      await close(server);
    }
  });

  it('gives the reason the caller cancelled with, or "Cancelled."', async () => {
    const { server, url } = await serve(() => undefined);
    try {
      const withReason = new AbortController();
      withReason.abort('Stopped by the test.');
      const plain = new AbortController();
      plain.abort();
      const [first, second] = await Promise.all([sendRequest(request(url), { ...options, signal: withReason.signal }), sendRequest(request(url), { ...options, signal: plain.signal })]);
      assert.deepEqual([first, second].map((exchange) => (exchange.outcome === 'failed' ? exchange.error : undefined)), [
        { code: 'aborted', message: 'Stopped by the test.' },
        { code: 'aborted', message: 'Cancelled.' },
      ]);
    } finally {
      await close(server);
    }
  });

  it('explains a URL it cannot send to, without throwing', async () => {
    const exchange = await sendRequest(request('ftp://example.com/hook'), options);
    assert.ok(exchange.outcome === 'failed');
    assert.equal(exchange.error.code, 'other');
    assert.match(exchange.error.message, /^Sending to ftp:\/\/example\.com\/hook failed \(ftp: URLs are not supported: use http:\/\/ or https:\/\/\)\.$/);
  });
});
