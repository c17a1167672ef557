import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { probeUrl } from '../../../src/core/listener';
import { type Harness, startListener } from '../helpers/listenerHarness';

/** A real HTTP server answering every request with `status` and `body`, as a proxy or another app would. */
async function otherServer(status: number, body: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/proxy/8790/` };
}

describe('probing whether a URL leads to the listener', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startListener();
  });
  afterEach(() => harness.close());

  it('reaches the listener with a token it issued, and records nothing', async () => {
    const result = await probeUrl(harness.url, harness.listener.probes.issue());
    assert.equal(result.reached, true, result.detail);
    assert.match(result.detail, /a test POST reached the listener \(\d+ ms\)/);
    assert.equal(harness.store.size, 0);
    assert.deepEqual(harness.announced, []);
  });

  it('takes each token once: a token used again, or one it never issued, is an ordinary request', async () => {
    const token = harness.listener.probes.issue();
    assert.equal((await probeUrl(harness.url, token)).reached, true);
    const again = await probeUrl(harness.url, token);
    assert.equal(again.reached, false);
    const forged = await probeUrl(harness.url, 'f'.repeat(32));
    assert.equal(forged.reached, false);
    assert.equal(harness.store.size, 2, 'both were recorded like any request');
  });

  it('tells a proxy that refuses POST, or answers 200 to anything, from the listener', async () => {
    const refusing = await otherServer(405, 'Unsupported method POST');
    const anything = await otherServer(200, '{"ok":true}');
    try {
      const refused = await probeUrl(refusing.url, harness.listener.probes.issue());
      assert.deepEqual([refused.reached, refused.detail], [false, 'a test POST was answered 405 (Unsupported method POST) by something other than the listener']);
      assert.equal((await probeUrl(anything.url, harness.listener.probes.issue())).reached, false);
    } finally {
      refusing.server.close();
      anything.server.close();
    }
  });

  it('says why nothing answered', async () => {
    const port = harness.port;
    await harness.close();
    const result = await probeUrl(`http://127.0.0.1:${port}/`, 'x');
    assert.equal(result.reached, false);
    assert.match(result.detail, /refused/i);
    harness = await startListener();
  });
});
