import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeInbound } from '../../../src/core/inbound/encodeInbound';
import { inboundHashSample, inboundRawSample } from '../../../src/core/inbound/inboundSamples';
import { encode64 } from '../../../src/core/inbound/rubyBase64';
import { formatRecordLine } from '../../../src/core/listener';
import { parsePublicKey, sign, toJwks } from '../../../src/core/signature';
import { MB, openFileStore } from '../../../src/core/store';
import { postalBody } from '../helpers/bodies';
import { type Harness, startListener } from '../helpers/listenerHarness';

const postal = generateKeyPairSync('rsa', { modulusLength: 2048 });

function keySet() {
  const parsed = parsePublicKey(JSON.stringify(toJwks(postal.publicKey)));
  if (!parsed.ok) throw parsed.error;
  return parsed.keySet;
}

/** POSTs an inbound body encoded and signed as Postal does. */
async function postInbound(url: string, payload: Record<string, unknown>, encoding: 'json' | 'form'): Promise<number> {
  const { body, contentType } = encodeInbound(payload, encoding);
  const response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': contentType, 'User-Agent': 'Postal/3.3.6', ...sign(body, postal.privateKey) } });
  await response.arrayBuffer();
  return response.status;
}

/** A Hash carrying one attachment of `bytes` random-ish bytes. */
function hashWithAttachment(bytes: number): Record<string, unknown> {
  const data = Buffer.alloc(bytes, 'Postal attachment ');
  return { ...inboundHashSample(), attachments: [{ filename: 'big.bin', content_type: 'application/octet-stream', size: bytes, data: encode64(data) }] };
}

describe('listener: inbound e-mail', function () {
  this.timeout(60_000);
  let harness: Harness;
  before(async () => {
    harness = await startListener({ publicKey: keySet(), maxInboundBodyBytes: 4 * MB });
  });
  after(() => harness.close());

  it('recognises a Hash sent as a form, checks its signature over the raw bytes and its fields through their types', async () => {
    assert.equal(await postInbound(harness.url, inboundHashSample(), 'form'), 200);
    const record = harness.latest();
    assert.deepEqual([record.kind, record.parse.status, record.signature.status, record.schema?.valid], ['inbound', 'form', 'valid', true]);
    assert.deepEqual([record.inbound?.format, record.inbound?.encoding, record.inbound?.subject, record.inbound?.attachments], ['hash', 'form', 'Re: Your order #1234', 1]);
  });

  it('reads the subject, sender and attachments of a RawMessage from the MIME message inside', async () => {
    assert.equal(await postInbound(harness.url, inboundRawSample(), 'json'), 200);
    const record = harness.latest();
    assert.equal(record.kind, 'inbound');
    assert.deepEqual(record.schema, { valid: true, issues: [] });
    assert.deepEqual(record.inbound, {
      format: 'raw', encoding: 'json', id: 4712, token: null, subject: 'Where is my order?', from: 'John Doe <john@example.net>', to: 'Support <support@example.com>',
      rcptTo: 'support@example.com', mailFrom: 'john@example.net', attachments: 0, attachmentQuantity: null, spamStatus: null, bounce: null, messageId: '<CAF5678efgh@mail.example.net>',
    });
  });

  it("records a malformed inbound body with the schema's reasons, and answers it as usual", async () => {
    assert.equal(await postInbound(harness.url, { ...inboundRawSample(), message: 'this is not base64!', size: '12' }, 'form'), 200);
    const record = harness.latest();
    assert.equal(record.kind, 'inbound');
    assert.deepEqual(record.schema?.issues.map((issue) => issue.path.join('.')), ['message']);
  });

  it('takes inbound bodies over the 1 MB webhook limit, up to its own limit, and refuses webhooks that big', async () => {
    assert.equal(await postInbound(harness.url, hashWithAttachment(2 * 1024 * 1024), 'json'), 200);
    assert.deepEqual([harness.latest().kind, harness.latest().body.size > 2 * MB], ['inbound', true]);
    const webhook = Buffer.from(postalBody('7e57ab1e-0000-4000-8000-000000000001').replace('"Sent"', `"Sent","padding":"${'x'.repeat(2 * MB)}"`));
    const refused = await fetch(harness.url, { method: 'POST', body: webhook, headers: { 'Content-Type': 'application/json', ...sign(webhook, postal.privateKey) } });
    assert.equal(refused.status, 413);
    assert.match(await refused.text(), /larger than the listener's limit for webhooks \(1024 KB for webhooks, 4096 KB for inbound e-mail\)/);
    assert.equal(harness.latest().kind, 'too-large');
    assert.equal(await postInbound(harness.url, hashWithAttachment(4 * 1024 * 1024), 'json'), 413);
  });

  it('writes an inbound line a person can read, with what Postal does with each answer', () => {
    const record = { ...harness.store.list().find((entry) => entry.inbound?.format === 'hash' && entry.inbound.encoding === 'form') };
    assert.ok(record.id !== undefined);
    const line = formatRecordLine(record as Parameters<typeof formatRecordLine>[0], { color: false, time: false });
    assert.match(line, /^POST \/ {2}inbound hash\/form "Re: Your order #1234" john@example\.net → support@example\.com 1 attachment {2}signature ✓ sha256 {2}schema ✓ {2}→ 200$/);
    const bounced = formatRecordLine({ ...(record as Parameters<typeof formatRecordLine>[0]), response: { status: 404, delayMs: 0, reason: 'fixed' } }, { color: false, time: false });
    assert.match(bounced, /→ 404 \(Postal gives up and bounces the mail to its sender\)$/);
    const retried = formatRecordLine({ ...(record as Parameters<typeof formatRecordLine>[0]), response: { status: 503, delayMs: 0, reason: 'fixed' } }, { color: false, time: false });
    assert.match(retried, /→ 503 \(Postal retries in 5 min\)$/);
  });
});

describe('history: inbound e-mail near the size Postal accepts', function () {
  this.timeout(120_000);

  it("keeps a 20 MB inbound request (a 14 MB e-mail, Postal's default limit, base64-encoded) with its body under the default history limits", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postal-inbound-history-'));
    const opened = await openFileStore(join(dir, 'history.jsonl'));
    assert.ok(opened.ok);
    const harness = await startListener({ publicKey: keySet() }, { store: opened.store });
    try {
      const payload = hashWithAttachment(14 * 1024 * 1024);
      assert.equal(await postInbound(harness.url, payload, 'json'), 200);
      const record = harness.latest();
      assert.equal(record.kind, 'inbound');
      assert.ok(record.body.size > 19 * MB, `${record.body.size} bytes`);
      assert.equal(Buffer.byteLength(record.body.data), record.body.size, 'the whole body is read back from the file');
      assert.equal(record.signature.status, 'valid');
    } finally {
      await harness.close();
      await opened.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
