import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { locateJsonError } from '../../../src/core/listener/jsonErrorLocation';
import { openFileStore, type WebhookStore } from '../../../src/core/store';
import { type Harness, postLikePostal, startListener } from '../helpers/listenerHarness';

/** A body cap small enough to fuzz quickly, big enough for thousands of levels of nesting. */
const MAX_BODY = 64 * 1024;

/** Bodies a hostile sender picks: deep nesting, huge strings, broken UTF-8, lone surrogates, NUL. */
const hostileBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc.nat({ max: MAX_BODY / 2 }).chain((depth) =>
    fc.constantFrom('[', '{"a":', '{"event":"MessageSent","payload":').map((open) => Buffer.from(open.repeat(Math.floor(depth / open.length)))),
  ),
  fc.nat({ max: 20_000 }).map((depth) => Buffer.from(`{"event":"MessageSent","uuid":"u","payload":${'['.repeat(depth)}${']'.repeat(depth)}}`)),
  fc.nat({ max: 20_000 }).map((depth) => Buffer.from(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
  fc.string({ unit: 'binary', maxLength: MAX_BODY / 4 }).map((text) => Buffer.from(JSON.stringify({ event: text, payload: { message: { to: text } }, uuid: text }))),
  fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom('"\\ud800"', '{"event":"\\udfff","payload":{}}', '{"event":"Message\u0000Sent","payload":{}}', '\u0000', '{"a":"\ud800"}').map((text) => Buffer.from(text)),
  fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d])),
  fc.nat({ max: MAX_BODY - 40 }).map((size) => Buffer.from(`{"event":"MessageSent","payload":"${'x'.repeat(size)}"}`)),
);

describe('listener: hostile bodies are recorded and answered, never a 500', () => {
  let dir: string;
  let store: WebhookStore;
  let harness: Harness;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'postal-hostile-'));
    const opened = await openFileStore(join(dir, 'history.jsonl'), { maxRecords: 100, maxBytes: 64 * 1024 * 1024 });
    assert.ok(opened.ok);
    store = opened.store;
    harness = await startListener({ maxBodyBytes: MAX_BODY }, { store });
    process.on('unhandledRejection', onUnhandled);
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await harness.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records 5,000 `[` (which overflowed a recursive error locator) as invalid JSON, with where it ends', async () => {
    const body = '['.repeat(5000);
    const response = await postLikePostal(harness.url, body);
    assert.equal(response.status, 200);
    const record = harness.latest();
    assert.equal(record.kind, 'invalid-json');
    assert.ok(record.parse.status === 'invalid-json');
    assert.equal(record.parse.position, 5000);
    assert.match(record.parse.message, /a value expected/);
  });

  it('records any nesting depth up to the body cap, valid or not', async () => {
    const depth = Math.floor((MAX_BODY - 60) / 2);
    const valid = `{"event":"MessageSent","uuid":"deep","payload":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const unclosed = '{"a":'.repeat(Math.floor(MAX_BODY / 5));
    for (const body of [valid, unclosed]) {
      assert.ok(body.length <= MAX_BODY);
      const response = await postLikePostal(harness.url, body);
      assert.equal(response.status, 200);
      assert.equal(harness.latest().body.size, body.length);
    }
    assert.equal(harness.latest().kind, 'invalid-json');
  });

  it('answers every fuzzed body without a 500 or an unhandled rejection, and stores it', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(hostileBody, async (body) => {
        const before = store.size === 100 ? undefined : store.size;
        const response = await postLikePostal(harness.url, body, { 'Content-Type': 'application/octet-stream' });
        await response.arrayBuffer();
        assert.ok(response.status === 200 || response.status === 413, `answered ${response.status}`);
        if (before !== undefined && response.status === 200) assert.equal(store.size, before + 1);
        const latest = harness.latest();
        assert.equal(latest.body.size, body.length);
      }),
      { numRuns: 150 },
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(unhandled, []);
    // Every line written can be read back.
    for (const entry of store.list()) assert.ok(store.read(entry.id) !== undefined, entry.id);
  });

  it('locates the first error of any text JSON.parse refuses, iteratively', () => {
    assert.deepEqual(locateJsonError('{"a": }'), { offset: 6, reason: 'a value expected' });
    assert.deepEqual(locateJsonError('[1,]'), { offset: 3, reason: 'a value expected' });
    assert.deepEqual(locateJsonError('{"a":1 "b":2}'), { offset: 7, reason: '"," or "}" expected' });
    assert.deepEqual(locateJsonError('{a:1}'), { offset: 1, reason: 'a property name in double quotes expected' });
    assert.deepEqual(locateJsonError('{"a" 1}'), { offset: 5, reason: '":" expected' });
    assert.deepEqual(locateJsonError('[1] 2'), { offset: 4, reason: 'the end of the text expected' });
    assert.deepEqual(locateJsonError('// x\n{}'), { offset: 0, reason: 'a comment, which JSON does not allow' });
    assert.deepEqual(locateJsonError('"abc'), { offset: 0, reason: 'an unterminated string' });
    assert.equal(locateJsonError('['.repeat(1_000_000))?.offset, 1_000_000);
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 3 }), (json, at, junk) => {
        const text = json.slice(0, at % (json.length + 1)) + junk;
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const located = locateJsonError(text);
        if (valid) assert.equal(located, undefined, text);
        else assert.ok(located !== undefined && located.offset <= text.length, text);
      }),
    );
  });
});
