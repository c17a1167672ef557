import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { fetchPostalJwks, jwksUrlFor, normalizePastedKey, parsePublicKey } from '../../../src/core/signature';
import { appendixA } from '../helpers/fixtures';

/** A real HTTP server answering every request with `handler`'s status and body. */
async function serve(handler: () => { status: number; body: string; delayMs?: number }): Promise<{ server: Server; host: string }> {
  const server = createServer((_request, response) => {
    const { status, body, delayMs = 0 } = handler();
    setTimeout(() => response.writeHead(status, { 'content-type': 'application/json' }).end(body), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, host: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

describe('fetching Postal’s JWKS', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  async function answering(status: number, body: string, delayMs = 0): Promise<string> {
    const { server, host } = await serve(() => ({ status, body, delayMs }));
    servers.push(server);
    return host;
  }

  it('builds the well-known URL from a host, a host and port, or a whole URL', () => {
    assert.equal(jwksUrlFor('postal.example.com'), 'https://postal.example.com/.well-known/jwks.json');
    assert.equal(jwksUrlFor(' https://postal.example.com:8443/org/acme '), 'https://postal.example.com:8443/.well-known/jwks.json');
    assert.equal(jwksUrlFor('http://localhost:5000'), 'http://localhost:5000/.well-known/jwks.json');
    assert.equal(jwksUrlFor('ftp://postal.example.com'), undefined);
    assert.equal(jwksUrlFor('not a host'), undefined);
  });

  it('reads the key set a Postal 3.2+ serves', async () => {
    const host = await answering(200, appendixA().jwks);
    const result = await fetchPostalJwks(host, { fetch });
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(result.keySet.format, 'jwks');
    assert.equal(result.text, appendixA().jwks.trim());
  });

  it('says an older Postal has no JWKS and what to use instead', async () => {
    const result = await fetchPostalJwks(await answering(404, 'Not found'), { fetch });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /404 Not Found\. This Postal is probably older than 3\.2\.0.*postal default-dkim-record/);
  });

  it('says a web page is not a key set', async () => {
    const result = await fetchPostalJwks(await answering(200, '<!doctype html><p>Login</p>'), { fetch });
    assert.match(result.ok ? '' : result.message, /did not return a usable key set: .*It sent a web page rather than a key set\./);
  });

  it('gives up after the timeout', async () => {
    const result = await fetchPostalJwks(await answering(200, '{}', 2000), { fetch, timeoutMs: 100 });
    assert.match(result.ok ? '' : result.message, /no answer within 0\.1 s/);
  });

  it('says when nothing listens there', async () => {
    const host = await answering(200, '{}');
    const port = new URL(host).port;
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const result = await fetchPostalJwks(`http://127.0.0.1:${port}`, { fetch });
    assert.match(result.ok ? '' : result.message, /connection was refused/);
  });

  it('puts back the line breaks a single-line input took out of a PEM block', () => {
    const pem = appendixA().spkiPem;
    const squashed = pem.replace(/\n/g, ' ');
    assert.equal(parsePublicKey(squashed).ok, false);
    assert.ok(parsePublicKey(normalizePastedKey(squashed)).ok);
    assert.equal(normalizePastedKey('  v=DKIM1; p=abc  '), 'v=DKIM1; p=abc');
  });
});
