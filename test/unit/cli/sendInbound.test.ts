import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runListen } from '../../../src/cli/listen';
import { inboundHashSample } from '../../../src/core/inbound/inboundSamples';
import { fixturePath } from '../helpers/fixtures';
import { type AppServer, type Harness, rawExchange, startApp, startListener } from '../helpers/listenerHarness';
import { parsePublicKey } from '../../../src/core/signature';
import { SAMPLE_HOST, sampleRequest, samplePublicKeyPem } from '../inbound/inboundFixtures';
import { captureIo, cli } from '../helpers/cliIo';

const EML = fixturePath('postal-samples', 'inbound', 'raw-message.eml');
const AS_POSTAL_DID = ['--as-stored', '--id', '4711', '--token', 'q3VwXy7RtN2bKd8L', '--timestamp', '1714468502.482913', '--rcpt-to', 'support@example.com', '--mail-from', 'john@example.net', '--size', '1282'];

describe('postal-webhooks send and listen: inbound e-mail', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'postal-cli-inbound-'));
  const keyFile = join(dir, 'signing.key');
  let listener: Harness;
  let app: AppServer | undefined;

  before(async () => {
    assert.equal((await cli('keygen', '--out', dir)).code, 0);
    const parsed = parsePublicKey(readFileSync(join(dir, 'dns.txt'), 'utf8'));
    assert.ok(parsed.ok);
    listener = await startListener({ publicKey: parsed.keySet });
  });

  after(async () => {
    await listener.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends an e-mail as the request Postal would make for it: the reference body byte for byte, Postal's headers, a valid signature", async () => {
    const before = listener.announced.length;
    const result = await cli('send', '--eml', EML, '--to', `${listener.url}postal/inbound?source=postal`, '--key', keyFile, ...AS_POSTAL_DID);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^inbound hash\/json 4711 "Re: Your order #1234" → .*: 200 OK in \d+ ms\. Postal would mark the mail Sent\.\n$/);
    const record = await listener.announcement(before + 1);
    assert.equal(record.body.data, sampleRequest().body.toString('utf8'));
    const postalHeaders = record.headers.raw.map(([name]) => name).filter((name) => !['Connection', 'Host', 'Content-Length'].includes(name));
    assert.deepEqual(postalHeaders, ['Accept-Encoding', 'Accept', 'User-Agent', 'Content-Type', 'X-Postal-Signature-Kid', 'X-Postal-Signature', 'X-Postal-Signature-256']);
    assert.deepEqual([record.kind, record.signature.status, record.schema?.valid], ['inbound', 'valid', true]);
  });

  it('sends the same e-mail as a form, and as a RawMessage, each recognised and valid', async () => {
    for (const [format, encoding] of [['hash', 'form'], ['raw', 'json'], ['raw', 'form']]) {
      const before = listener.announced.length;
      const result = await cli('send', '--eml', EML, '--format', format, '--encoding', encoding, '--to', listener.url, '--key', keyFile, ...AS_POSTAL_DID);
      assert.equal(result.code, 0, result.stderr);
      const record = await listener.announcement(before + 1);
      assert.deepEqual([record.kind, record.inbound?.format, record.inbound?.encoding, record.signature.status, record.schema?.valid, record.inbound?.subject], ['inbound', format, encoding, 'valid', true, 'Re: Your order #1234']);
    }
  });

  it('sends an endpoint payload file, in either encoding, with what Postal would make of the answer', async () => {
    const file = join(dir, 'hash.postal.json');
    writeFileSync(file, JSON.stringify(inboundHashSample(), null, 2));
    const before = listener.announced.length;
    const result = await cli('send', file, '--encoding', 'form', '--to', listener.url, '--key', keyFile, '--json');
    assert.equal(result.code, 0, result.stderr);
    const line = JSON.parse(result.stdout) as { kind: string; inbound: unknown; status: number; postal: { success: boolean } };
    assert.deepEqual([line.kind, line.inbound, line.status, line.postal.success], ['inbound', { format: 'hash', encoding: 'form', id: 4711, token: 'q3VwXy7RtN2bKd8L' }, 200, true]);
    const record = await listener.announcement(before + 1);
    assert.deepEqual([record.parse.status, record.schema?.valid], ['form', true]);
  });

  it("says what Postal does with an app's 404 (bounce) and 429 (no bounce), and retries 503 on the inbound schedule", async () => {
    const statuses = [404, 429, 503, 503, 200];
    app = await startApp((_req, res) => res.writeHead(statuses.shift() ?? 200).end());
    const notFound = await cli('send', '--eml', EML, '--to', app.url, '--unsigned');
    assert.equal(notFound.code, 1);
    assert.match(notFound.stdout, /404 Not Found in \d+ ms\. HardFail\. Postal would not try again: it does not retry this answer, and it would send a bounce e-mail to the message's sender\./);
    const tooMany = await cli('send', '--eml', EML, '--to', app.url, '--unsigned');
    assert.match(tooMany.stdout, /429 Too Many Requests in \d+ ms\. HardFail\. Postal would not try again: it does not retry this answer, without a bounce to the sender\./);
    const retried = await cli('send', '--eml', EML, '--to', app.url, '--unsigned', '--simulate-retries', '1000000');
    assert.equal(retried.code, 0, retried.stderr);
    assert.deepEqual(retried.stdout.trim().split('\n').map((line) => /: (\d{3}) .*?\. (.*)$/.exec(line)?.slice(1)), [
      ['503', 'SoftFail. Postal would retry (attempt 2 of 18) in 5 minutes.'],
      ['503', 'SoftFail. Postal would retry (attempt 3 of 18) in 6.5 minutes.'],
      ['200', 'Postal would mark the mail Sent.'],
    ]);
  });

  it('refuses options that do not fit what is sent, saying why', async () => {
    const webhookFile = join(dir, 'event.postal.json');
    writeFileSync(webhookFile, JSON.stringify({ event: 'MessageSent', timestamp: 1, payload: {}, uuid: 'x' }));
    const form = await cli('send', webhookFile, '--encoding', 'form', '--to', listener.url, '--unsigned');
    assert.deepEqual([form.code, /Postal always sends as JSON/.test(form.stderr)], [2, true]);
    const idOnFile = await cli('send', webhookFile, '--id', '3', '--to', listener.url, '--unsigned');
    assert.match(idOnFile.stderr, /--id describes the e-mail to compose, so it goes with --eml FILE/);
    const rawStrip = await cli('send', '--eml', EML, '--format', 'raw', '--strip-replies', '--to', listener.url, '--unsigned');
    assert.match(rawStrip.stderr, /change the Hash format only/);
    const badFormat = await cli('send', '--eml', EML, '--format', 'mime', '--to', listener.url, '--unsigned');
    assert.match(badFormat.stderr, /--format must be hash or raw, not 'mime'/);
    const missing = await cli('send', '--eml', join(dir, 'nope.eml'), '--to', listener.url, '--unsigned');
    assert.deepEqual([missing.code, /cannot read .*nope\.eml/.test(missing.stderr)], [2, true]);
  });

  it('listen --json: a line with "kind": "inbound" and the inbound summary', async () => {
    const io = captureIo();
    const keyPath = join(dir, 'postal-sample.pem');
    writeFileSync(keyPath, samplePublicKeyPem());
    const controller = new AbortController();
    let port = 0;
    const running = runListen(['--port', '0', '--json', '--public-key', keyPath, '--allowed-host', SAMPLE_HOST], io, { signal: controller.signal, onListening: (address) => { port = address.port; } });
    while (port === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await rawExchange(port, sampleRequest().bytes);
    controller.abort();
    assert.equal(await running, 0);
    const line = JSON.parse(io.stdout.trim()) as Record<string, unknown>;
    assert.equal(line.kind, 'inbound');
    assert.deepEqual(line.signature, { status: 'valid', algorithm: 'sha256' });
    assert.deepEqual(line.schema, { valid: true, issues: [] });
    assert.deepEqual(line.inbound, {
      format: 'hash', encoding: 'json', id: 4711, token: 'q3VwXy7RtN2bKd8L', subject: 'Re: Your order #1234', from: 'John Doe <john@example.net>', to: 'Support <support@example.com>',
      rcptTo: 'support@example.com', mailFrom: 'john@example.net', attachments: 1, attachmentQuantity: 1, spamStatus: 'NotSpam', bounce: false, messageId: 'CAF1234abcd@mail.example.net',
    });
  });
});
