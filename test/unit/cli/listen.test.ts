import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runListen } from '../../../src/cli/listen';
import { runCli } from '../../../src/cli/main';
import { sign, toDnsRecord, toJwks, toPrivatePem } from '../../../src/core/signature';
import { postalBody } from '../helpers/bodies';
import { REPO_ROOT } from '../helpers/fixtures';
import { postLikePostal } from '../helpers/listenerHarness';
import { captureIoLines as captureIo } from '../helpers/cliIo';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('postal-webhooks listen', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'postal-cli-'));
    writeFileSync(join(dir, 'postal.dns.txt'), toDnsRecord(publicKey));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify(toJwks(publicKey)));
    writeFileSync(join(dir, 'bad.key'), 'v=DKIM1; p=;');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON line per request with --json and stops cleanly when aborted', async () => {
    const io = captureIo();
    const controller = new AbortController();
    let url = '';
    const running = runListen(['--port', '0', '--json', '--public-key', join(dir, 'postal.dns.txt'), '--respond', '503'], io, {
      signal: controller.signal,
      onListening: (address) => {
        url = address.url;
      },
    });
    while (url === '') await new Promise((resolve) => setTimeout(resolve, 5));
    const body = postalBody('1234abcd-0000-4000-8000-000000000001');
    assert.equal((await postLikePostal(url, body, { ...sign(body, privateKey) })).status, 503);
    controller.abort();
    assert.equal(await running, 0);
    assert.equal(io.stdout.length, 1, 'stdout holds only request lines');
    const line = JSON.parse(io.stdout[0]) as Record<string, unknown>;
    assert.equal(line.event, 'MessageSent');
    assert.equal(line.uuid, '1234abcd-0000-4000-8000-000000000001');
    assert.deepEqual(line.signature, { status: 'valid', algorithm: 'sha256' });
    assert.deepEqual(line.response, { status: 503, delayMs: 0 });
    assert.equal(line.forward, null);
    assert.match(String(line.receivedAt), /^\d{4}-\d\d-\d\dT/);
    assert.match(io.stderr.join('\n'), /Listening on http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('shows requests signed with --dev-key as the development key\'s, in JSON lines and readable ones', async () => {
    const development = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(dir, 'signing.key'), toPrivatePem(development.privateKey));
    for (const json of [true, false]) {
      const io = captureIo();
      const controller = new AbortController();
      let url = '';
      const args = ['--port', '0', '--public-key', join(dir, 'postal.dns.txt'), '--dev-key', join(dir, 'signing.key'), ...(json ? ['--json'] : [])];
      const running = runListen(args, io, { signal: controller.signal, onListening: (address) => (url = address.url) });
      while (url === '') await new Promise((resolve) => setTimeout(resolve, 5));
      const body = postalBody();
      assert.equal((await postLikePostal(url, body, { ...sign(body, development.privateKey) })).status, 200);
      controller.abort();
      assert.equal(await running, 0);
      if (json) assert.equal((JSON.parse(io.stdout[0]) as { signature: { status: string } }).signature.status, 'dev-key');
      else assert.match(io.stdout.join('\n'), / {2}signature ✓ dev key {2}/);
    }
    const bad = captureIo();
    assert.equal(await runListen(['--dev-key', join(dir, 'bad.key')], bad, { signal: new AbortController().signal }), 2);
    assert.match(bad.stderr.join('\n'), /--dev-key .*bad\.key: give the signing\.key/);
  });

  it('runs as dist/cli.mjs: prints the URL and a readable line per request, exits 0 on SIGINT', async () => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/cli.mjs'), 'listen', '--port', '0', '--public-key', join(dir, 'jwks.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // 'close', not 'exit': the pipes may still hold the last lines when the process exits.
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const url = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /Listening on (http:\/\/\S+)/.exec(stdout);
        if (match !== null) resolve(match[1]);
      });
    });
    const body = postalBody('feedface-0000-4000-8000-000000000002');
    await postLikePostal(url, body, { ...sign(body, privateKey) });
    while (!stdout.includes('feedface')) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGINT');
    assert.equal(await exit, 0, stderr);
    const line = stdout.split('\n').find((text) => text.includes('feedface')) ?? '';
    assert.match(line, /^\d\d:\d\d:\d\d\.\d{3} {2}POST \/ {2}MessageSent {2}feedface {2}signature ✓ sha256 {2}schema \S.* {2}→ 200$/);
    assert.ok(!line.includes('\u001b['), 'no colours when stdout is not a terminal');
    assert.match(stdout, /Stopped\.\n$/);
  });

  it('exits 2 with the reason when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = String((blocker.address() as { port: number }).port);
    const io = captureIo();
    try {
      assert.equal(await runListen(['--port', port], io, { signal: new AbortController().signal }), 2);
      assert.match(io.stderr.join('\n'), new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('exits 2 naming the file when the key cannot be used', async () => {
    const io = captureIo();
    assert.equal(await runListen(['--public-key', join(dir, 'bad.key')], io, { signal: new AbortController().signal }), 2);
    assert.match(io.stderr.join('\n'), /bad\.key: The DNS record has an empty p= tag/);
    const missing = captureIo();
    assert.equal(await runListen(['--public-key', join(dir, 'nope.pem')], missing, { signal: new AbortController().signal }), 2);
    assert.match(missing.stderr.join('\n'), /cannot read the public key file .*nope\.pem/);
  });

  it('rejects option combinations that cannot work, in one line that points to --help', async () => {
    const io = captureIo();
    assert.equal(await runCli(['listen', '--respond', 'mirror'], io), 2);
    assert.deepEqual(io.stderr, ["postal-webhooks listen: --respond mirror answers with your app's status, so it needs --forward-to URL. (see postal-webhooks listen --help)"]);
    const unsigned = captureIo();
    assert.equal(await runCli(['listen', '--reject-unsigned'], unsigned), 2);
    assert.match(unsigned.stderr.join('\n'), /--reject-unsigned needs --public-key FILE/);
    const port = captureIo();
    assert.equal(await runCli(['listen', '--port', '99999'], port), 2);
    assert.match(port.stderr.join('\n'), /--port must be a whole number from 0 to 65535/);
  });
});
