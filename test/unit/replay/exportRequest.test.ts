import * as assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { shellQuote, toCurl, toHttpFile } from '../../../src/core/replay/exportRequest';
import { buildPostalRequest } from '../../../src/core/replay/postalRequest';
import { generateSigningKey, parsePublicKey, type SigningKeyPair, toPublicPem } from '../../../src/core/signature';
import { appendixA } from '../helpers/fixtures';
import { type Harness, startListener } from '../helpers/listenerHarness';

/** What `sh` makes of a quoted word: printf prints the single argument it receives. */
function shellWord(quoted: string): string {
  const result = spawnSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('request exports', function () {
  this.timeout(20_000);
  let key: SigningKeyPair;
  let listener: Harness | undefined;
  // A body with a quote, Rails escapes and non-ASCII, so quoting has work to do.
  const body = Buffer.from(appendixA().body.toString('utf8').replace('Your order', "Don't miss your order — ça"), 'utf8');

  before(async () => {
    key = await generateSigningKey();
  });

  afterEach(async () => {
    await listener?.close();
    listener = undefined;
  });

  it('shell-quotes any text so that sh reads back exactly that text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter((text) => !text.includes('\0')), (text) => {
        assert.equal(shellWord(shellQuote(text)), text);
      }),
      { numRuns: 60 },
    );
  });

  it('writes a curl command that delivers the same bytes and Postal headers, with a valid signature', async () => {
    assert.equal(spawnSync('curl', ['--version']).status, 0, 'the curl command is needed to run the exported command; install it (Debian: apt-get install curl)');
    const parsed = parsePublicKey(toPublicPem(key.publicKey));
    assert.ok(parsed.ok);
    listener = await startListener({ publicKey: parsed.keySet });
    const request = buildPostalRequest({ url: `${listener.url}webhooks/postal?env=dev`, body, privateKey: key.privateKey });
    // Asynchronously: the listener runs in this process and must keep answering meanwhile.
    const curl = await promisify(execFile)('sh', ['-c', toCurl(request)], { encoding: 'utf8' });
    assert.match(curl.stdout, /^HTTP\/1\.1 200/);
    const record = await listener.announcement(1);
    assert.equal(record.path, '/webhooks/postal?env=dev');
    assert.ok(Buffer.from(record.body.data, 'utf8').equals(body), 'curl sent different body bytes');
    for (const name of ['content-type', 'user-agent', 'x-postal-signature-kid', 'x-postal-signature', 'x-postal-signature-256']) {
      const sent = request.headers.find(([candidate]) => candidate.toLowerCase() === name)?.[1];
      assert.equal(record.headers.map[name], sent, name);
    }
    assert.equal(record.headers.map.expect, undefined);
    assert.equal(record.signature.status, 'valid');
  });

  it('writes a REST Client request: request line, headers, blank line, the exact body', () => {
    const request = buildPostalRequest({ url: 'http://127.0.0.1:3000/webhooks/postal', body, privateKey: key.privateKey });
    const text = toHttpFile(request, 'MessageSent replay');
    const [head, rest] = text.split('\n\n');
    const lines = head.split('\n');
    assert.equal(lines[0], '# MessageSent replay');
    assert.equal(lines[1], 'POST http://127.0.0.1:3000/webhooks/postal HTTP/1.1');
    assert.ok(lines.includes(`X-Postal-Signature-256: ${request.headers.find(([name]) => name === 'X-Postal-Signature-256')?.[1]}`));
    assert.equal(rest, body.toString('utf8') + '\n');
  });
});
