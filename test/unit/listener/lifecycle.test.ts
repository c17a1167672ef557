import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createListener, describeListenError, type ListenerState } from '../../../src/core/listener';
import { silentLogger } from '../../../src/core/logger';
import { createMemoryStore } from '../../../src/core/store';
import { postalBody } from '../helpers/bodies';
import { postLikePostal } from '../helpers/listenerHarness';

function newListener(options: Parameters<typeof createListener>[0]): ReturnType<typeof createListener> {
  return createListener(options, { store: createMemoryStore(), logger: silentLogger });
}

describe('listener: start, stop and restart', () => {
  it('reports a port in use as an actionable error, not a crash', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const listener = newListener({ port });
    try {
      const result = await listener.start();
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'EADDRINUSE');
      assert.equal(result.error.message, `Port ${port} on 127.0.0.1 is already in use (another listener or app?). Stop it, or choose another port in postalWebhooks.listener.port / --port.`);
      assert.equal(listener.state, 'error');
      assert.deepEqual(listener.error, result.error);
    } finally {
      blocker.close();
    }
  });

  it('reports a host that does not resolve or is not ours', async () => {
    const unknown = await newListener({ port: 0, host: 'no-such-host.invalid' }).start();
    assert.ok(!unknown.ok);
    assert.match(unknown.error.message, /does not resolve\. Use 127\.0\.0\.1/);
    const foreign = await newListener({ port: 0, host: '192.0.2.1' }).start();
    assert.ok(!foreign.ok);
    assert.equal(foreign.error.code, 'EADDRNOTAVAIL');
  });

  it('words a permission error for low ports', () => {
    const error = Object.assign(new Error('listen EACCES'), { code: 'EACCES' });
    assert.match(describeListenError(error, '0.0.0.0', 80).message, /No permission to listen on port 80 .* choose a port above 1024/);
  });

  it('refuses options that cannot work, before touching the network', async () => {
    const mirror = await newListener({ port: 0, response: { type: 'mirror' } }).start();
    assert.ok(!mirror.ok);
    assert.equal(mirror.error.code, 'invalid-options');
    assert.match(mirror.error.message, /needs a forward URL/);
    const badUrl = await newListener({ port: 0, forward: { url: 'localhost:3000' } }).start();
    assert.ok(!badUrl.ok);
    assert.match(badUrl.error.message, /must be http:\/\/ or https:\/\//);
    const badPort = await newListener({ port: 70000 }).start();
    assert.ok(!badPort.ok);
    assert.match(badPort.error.message, /not a valid port/);
  });

  it('goes idle → listening → idle, announcing each state, and frees the port on stop', async () => {
    const listener = newListener({ port: 0 });
    const states: ListenerState[] = [];
    listener.onDidChangeState((state) => states.push(state));
    const started = await listener.start();
    assert.ok(started.ok);
    assert.ok(started.address.port > 0);
    assert.deepEqual(listener.address, started.address);
    await listener.stop();
    assert.deepEqual(states, ['starting', 'listening', 'stopping', 'idle']);
    assert.equal(listener.address, undefined);
    const again = newListener({ port: started.address.port });
    assert.ok((await again.start()).ok, 'the port is free again');
    await again.stop();
  });

  it('restarts with new options, keeping the same store', async () => {
    const store = createMemoryStore();
    const listener = createListener({ port: 0 }, { store, logger: silentLogger });
    const first = await listener.start();
    assert.ok(first.ok);
    assert.equal((await postLikePostal(first.address.url, postalBody())).status, 200);
    const second = await listener.restart({ response: { type: 'fixed', status: 500, delayMs: 0 } });
    assert.ok(second.ok);
    assert.equal((await postLikePostal(second.address.url, postalBody())).status, 500);
    assert.equal(store.size, 2);
    await listener.stop();
  });

  it('stops promptly while an answer is held back by a long delay, having stored the request', async () => {
    const store = createMemoryStore();
    const listener = createListener({ port: 0, response: { type: 'fixed', status: 200, delayMs: 60_000 } }, { store, logger: silentLogger });
    const started = await listener.start();
    assert.ok(started.ok);
    const pending = postLikePostal(started.address.url, postalBody()).then((response) => response.status, () => 'failed');
    while (store.size === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopping = Date.now();
    await listener.stop();
    assert.ok(Date.now() - stopping < 1500, 'did not wait out the delay');
    assert.equal(await pending, 200, 'the held-back answer was sent on stop');
  });
});
