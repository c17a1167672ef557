import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey } from 'node:crypto';
import { sampleEnvelope } from '../../../src/core/events';
import { keyId, parsePublicKey } from '../../../src/core/signature';
import { type AppServer, type Harness, startApp, startListener } from '../helpers/listenerHarness';
import { cli } from '../helpers/cliIo';

describe('postal-webhooks keygen and send', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(join(tmpdir(), 'postal-cli-'));
  const keyFile = join(dir, 'signing.key');
  let listener: Harness;
  let app: AppServer | undefined;

  before(async () => {
    const made = await cli('keygen', '--out', dir);
    assert.equal(made.code, 0, made.stderr);
    const parsed = parsePublicKey(readFileSync(join(dir, 'dns.txt'), 'utf8'));
    assert.ok(parsed.ok);
    listener = await startListener({ publicKey: parsed.keySet });
  });

  after(async () => {
    await listener.close();
    await app?.close();
  });

  it('keygen writes a private key only its owner can read, and the public key in three forms with one KID', async () => {
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    const kid = keyId(createPublicKey(readFileSync(keyFile, 'utf8')));
    const jwks = JSON.parse(readFileSync(join(dir, 'jwks.json'), 'utf8')) as { keys: { kid: string }[] };
    assert.equal(jwks.keys[0].kid, kid);
    assert.equal(keyId(createPublicKey(readFileSync(join(dir, 'public.pem'), 'utf8'))), kid);
    assert.match(readFileSync(join(dir, 'dns.txt'), 'utf8'), /^v=DKIM1; t=s; h=sha256; p=[A-Za-z0-9+/=]+;\n$/);
    const again = await cli('keygen', '--out', dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; keep it, or pass --force/);
  });

  it('sends a sample event signed with the key, which the listener verifies', async () => {
    const before = listener.announced.length;
    const result = await cli('send', 'MessageSent:incoming-http', '--to', listener.url, '--key', keyFile);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^MessageSent [0-9a-f]{8} → .*: 200 OK in \d+ ms\. Postal would count this as delivered\.\n$/);
    const record = await listener.announcement(before + 1);
    assert.equal(record.signature.status, 'valid');
    assert.equal(record.headers.map['user-agent'], 'Postal/3.3.6');
  });

  it('sends every line of a .jsonl file and prints one JSON line per event with --json', async () => {
    const file = join(dir, 'events.postal.jsonl');
    writeFileSync(file, [sampleEnvelope('MessageSent'), sampleEnvelope('MessageBounced')].map((envelope) => JSON.stringify(envelope)).join('\n') + '\n');
    const before = listener.announced.length;
    const result = await cli('send', file, '--to', listener.url, '--key', keyFile, '--json', '--postal-version', '3.1.1');
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { event: string; status: number; postal: { success: boolean } });
    assert.deepEqual(lines.map((line) => [line.event, line.status, line.postal.success]), [['MessageSent', 200, true], ['MessageBounced', 200, true]]);
    const record = await listener.announcement(before + 2);
    assert.equal(record.signature.algorithm, 'sha1', 'Postal 3.1 signs with SHA-1 only');
    assert.equal(record.signature.status, 'valid');
  });

  it('exits 1 and says Postal would retry when the app answers 503', async () => {
    app = await startApp((_req, res) => res.writeHead(503).end());
    const result = await cli('send', 'MessageHeld', '--to', app.url, '--unsigned');
    assert.equal(result.code, 1);
    assert.match(result.stdout, /503 Service Unavailable in \d+ ms\. Postal would retry \(attempt 2 of 6\) in 2 minutes\./);
    assert.equal(app.received[0].headers['x-postal-signature'], undefined);
  });

  it('refuses to sign with nothing: without --key or --unsigned it says how to make a key', async () => {
    const result = await cli('send', 'MessageSent', '--to', listener.url);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /a signing key is needed: pass --key FILE \(make one with `postal-webhooks keygen --out DIR`\), or --unsigned/);
  });

  it('suggests the event meant by a misspelt name and lists the events on request', async () => {
    const wrong = await cli('send', 'MessageSnet', '--to', listener.url, '--unsigned');
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /Did you mean MessageSent\?/);
    const list = await cli('send', '--list');
    assert.equal(list.code, 0);
    assert.match(list.stdout, /MessageSent:incoming-http {2}Incoming, delivered to an HTTP endpoint/);
  });

  it('reports a payload file that is not JSON without sending anything', async () => {
    const file = join(dir, 'broken.postal.json');
    writeFileSync(file, '{"event": "MessageSent",, }');
    const before = listener.announced.length;
    const result = await cli('send', file, '--to', listener.url, '--key', keyFile);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /is not valid JSON, nothing was sent/);
    assert.equal(listener.announced.length, before);
  });
});
