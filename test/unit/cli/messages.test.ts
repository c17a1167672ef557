import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import { toPrivatePem, toPublicPem } from '../../../src/core/signature';

/** Runs the CLI in this process from `cwd`, with what it wrote to each stream, line by line. */
async function cli(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, { out: (text) => stdout.push(...text.split('\n')), err: (text) => stderr.push(...text.split('\n')), color: false, cwd });
  return { code, stdout, stderr };
}

describe('what the CLI says when something is wrong', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'postal-messages-'));
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(dir, 'public.pem'), toPublicPem(publicKey));
    writeFileSync(join(dir, 'signing.key'), toPrivatePem(privateKey));
    writeFileSync(join(dir, 'notes.txt'), 'not a key');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('says once that the port is in use, naming the flag to change, not an editor setting', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const result = await cli(['listen', '--port', String(port)]);
      assert.equal(result.code, 2);
      assert.deepEqual(result.stderr, [`postal-webhooks listen: Port ${port} on 127.0.0.1 is already in use (another listener or app?). Stop it, or choose another port with --port.`]);
    } finally {
      server.close();
    }
  });

  it('tells a public key given to send --key from the private one it needs, without OpenSSL codes', async () => {
    const result = await cli(['send', 'MessageSent', '--to', 'http://127.0.0.1:9/', '--key', 'public.pem'], dir);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.length, 1, result.stderr.join('\n'));
    assert.match(result.stderr[0], /^postal-webhooks send: public\.pem is a public key: it verifies signatures, it cannot make them\. --key needs the private signing key/);
    const notAKey = await cli(['send', 'MessageSent', '--to', 'http://127.0.0.1:9/', '--key', 'notes.txt'], dir);
    assert.match(notAKey.stderr.join('\n'), /notes\.txt is not a private key in PEM/);
    const missing = await cli(['send', 'MessageSent', '--to', 'http://127.0.0.1:9/', '--key', 'nope.key'], dir);
    assert.deepEqual(missing.stderr, ['postal-webhooks send: cannot read the key file nope.key: no such file.']);
    for (const output of [result, notAKey, missing]) assert.doesNotMatch(output.stderr.join('\n'), /error:[0-9A-F]{8}|DECODER|ENOENT/);
  });

  it("puts Node's option parser messages in its own words, on one line", async () => {
    const cases: [string[], string][] = [
      [['send', 'MessageSent', '--to'], 'postal-webhooks send: --to needs a value (for one that starts with "-", write --to=-…) (see postal-webhooks send --help)'],
      [['send', 'MessageSent', '--to', '--json'], 'postal-webhooks send: --to needs a value (for one that starts with "-", write --to=-…) (see postal-webhooks send --help)'],
      [['lint', '--bogus'], 'postal-webhooks lint: unknown option --bogus (see postal-webhooks lint --help)'],
      [['send', '--json=yes', 'MessageSent'], 'postal-webhooks send: --json takes no value (see postal-webhooks send --help)'],
      [['keygen', 'extra'], 'postal-webhooks keygen: unexpected argument "extra": this command takes only options (see postal-webhooks keygen --help)'],
    ];
    for (const [args, expected] of cases) {
      const result = await cli(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.deepEqual(result.stderr, [expected]);
      assert.deepEqual(result.stdout, []);
    }
  });

  it('refuses a --forward-to that is not a URL instead of guessing http://', async () => {
    const result = await cli(['listen', '--forward-to', 'not-a-url']);
    assert.equal(result.code, 2);
    assert.deepEqual(result.stderr, [`postal-webhooks listen: --forward-to: "not-a-url" is not a URL. Give your app's URL, e.g. http://localhost:3000/webhooks/postal (see postal-webhooks listen --help)`]);
    assert.equal((await cli(['listen', '--forward-to', 'ftp://app.example/hooks'])).code, 2);
  });

  it('prints a command\'s own help for help COMMAND', async () => {
    const lint = await cli(['help', 'lint']);
    assert.equal(lint.code, 0);
    assert.match(lint.stdout[0], /^Usage: postal-webhooks lint /);
    const unknown = await cli(['help', 'frob']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr.join('\n'), /unknown command 'frob'/);
  });
});
