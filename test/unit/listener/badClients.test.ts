import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { postalBody } from '../helpers/bodies';
import { type Harness, postLikePostal, rawExchange, startListener } from '../helpers/listenerHarness';

describe('listener: malformed and slow clients', () => {
  let harness: Harness;
  before(async () => {
    harness = await startListener({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
  });
  after(() => harness.close());

  it('answers 400 to malformed HTTP and serves the next request', async () => {
    const reply = await rawExchange(harness.port, `POST / HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\nContent-Length: abc\r\n\r\n`);
    assert.match(reply, /^HTTP\/1\.1 400 Bad Request/);
    assert.equal((await postLikePostal(harness.url, postalBody())).status, 200);
  });

  it('answers 400 to random bytes and serves the next request', async () => {
    const junk = randomBytes(2048);
    junk.write('\x00\x01GARBAGE', 0, 'latin1');
    const reply = await rawExchange(harness.port, junk);
    assert.match(reply, /^HTTP\/1\.1 400 Bad Request/);
    assert.equal((await postLikePostal(harness.url, postalBody())).status, 200);
  });

  it('answers 408 to a client that never finishes its headers', async () => {
    const reply = await rawExchange(harness.port, `POST / HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\n`);
    assert.match(reply, /^HTTP\/1\.1 408 Request Timeout/);
  });

  it('cuts off a client that sends its body too slowly, and keeps serving', async () => {
    const before = harness.store.size;
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(harness.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', () => undefined);
      socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"event":`);
    });
    assert.match(reply, /^HTTP\/1\.1 408 Request Timeout/);
    assert.equal(harness.store.size, before, 'an unfinished request is not recorded');
    assert.equal((await postLikePostal(harness.url, postalBody())).status, 200);
  });
});
