import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { postalBody } from '../helpers/bodies';
import { type WebhookRecord } from '../../../src/core/store';
import { type Harness, postLikePostal, rawExchange, startListener } from '../helpers/listenerHarness';

describe('listener: every request is recorded, whatever it is', () => {
  let harness: Harness;
  before(async () => {
    harness = await startListener({ maxBodyBytes: 4096 });
  });
  after(() => harness.close());
  const latest = (): WebhookRecord => harness.latest();

  it('records invalid JSON with the parser message and where it failed', async () => {
    const response = await postLikePostal(harness.url, '{"event":"MessageSent",\n "uuid": }');
    assert.equal(response.status, 200);
    const record = latest();
    assert.equal(record.kind, 'invalid-json');
    assert.ok(record.parse.status === 'invalid-json');
    assert.equal(record.parse.line, 2);
    assert.equal(record.parse.column, 10);
    assert.match(record.parse.message, /JSON/);
  });

  it('keeps a binary body byte for byte, as base64', async () => {
    const bytes = randomBytes(512);
    bytes[0] = 0xff;
    await postLikePostal(harness.url, bytes, { 'Content-Type': 'application/octet-stream' });
    const record = latest();
    assert.equal(record.body.encoding, 'base64');
    assert.deepEqual(Buffer.from(record.body.data, 'base64'), bytes);
    assert.equal(record.body.size, 512);
    assert.equal(record.kind, 'invalid-json');
  });

  it('records JSON that is not an envelope as not-postal, and an empty body as empty', async () => {
    await postLikePostal(harness.url, '{"message":{"id":1},"status":"Sent"}');
    assert.equal(latest().kind, 'not-postal');
    assert.equal(latest().event, undefined);
    await postLikePostal(harness.url, '');
    assert.equal(latest().kind, 'not-postal');
    assert.deepEqual(latest().parse, { status: 'empty' });
  });

  it('flags a second delivery of the same envelope uuid as a Postal retry', async () => {
    const body = postalBody('7e57a11e-0000-4000-8000-00000000beef');
    await postLikePostal(harness.url, body);
    const first = latest();
    await postLikePostal(harness.url, body);
    const retry = latest();
    assert.deepEqual([first.duplicate, first.attempt], [false, 1]);
    assert.deepEqual([retry.duplicate, retry.attempt], [true, 2]);
  });

  it('answers 405 to other methods and records them, with Allow: POST', async () => {
    const response = await fetch(harness.url, { method: 'PUT', body: 'x' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
    assert.deepEqual([latest().method, latest().kind, latest().response.status], ['PUT', 'rejected', 405]);
  });

  it('answers GET on the listening path as a health check, without recording it', async () => {
    const before = harness.store.size;
    const health = await fetch(harness.url);
    assert.equal(health.status, 200);
    assert.match(await health.text(), /Postal Webhooks listener/);
    assert.equal((await fetch(`${harness.url}favicon.ico`)).status, 404);
    assert.equal(harness.store.size, before);
  });

  it('keeps the path with its query string', async () => {
    await postLikePostal(`${harness.url}hooks/postal?env=dev&x=1`, postalBody());
    assert.equal(latest().path, '/hooks/postal?env=dev&x=1');
    assert.equal(latest().remoteAddress, '127.0.0.1');
  });

  it('answers 413 to a body over the cap, announced or streamed, and records it as too-large', async () => {
    const announced = await postLikePostal(harness.url, 'x'.repeat(5000));
    assert.equal(announced.status, 413);
    assert.deepEqual([latest().kind, latest().body.size, latest().body.data], ['too-large', 5000, '']);
    const chunked = `POST / HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\nTransfer-Encoding: chunked\r\n\r\n${'1000\r\n' + 'y'.repeat(4096) + '\r\n'}${'10\r\n' + 'z'.repeat(16) + '\r\n'}0\r\n\r\n`;
    const reply = await rawExchange(harness.port, chunked);
    assert.match(reply, /^HTTP\/1\.1 413 /);
    assert.equal(latest().kind, 'too-large');
    assert.ok(latest().body.size > 4096);
  });
});

describe('listener: a required path', () => {
  let harness: Harness;
  before(async () => {
    harness = await startListener({ requiredPath: '/hooks/postal' });
  });
  after(() => harness.close());

  it('accepts POSTs to the path (query allowed) and answers 404 elsewhere, recording both', async () => {
    assert.equal(harness.url.endsWith('/hooks/postal'), true);
    assert.equal((await postLikePostal(`${harness.url}?a=1`, postalBody())).status, 200);
    const elsewhere = await postLikePostal(harness.url.replace('/hooks/postal', '/other'), postalBody());
    assert.equal(elsewhere.status, 404);
    assert.match(((await elsewhere.json()) as { error: string }).error, /send webhooks to \/hooks\/postal/);
    const [wrong, right] = harness.store.list();
    assert.deepEqual([wrong.kind, wrong.response.reason, wrong.event], ['rejected', 'path', 'MessageSent']);
    assert.equal(right.kind, 'postal');
  });
});
