// Throughput of the webhook listener against what any careful handler must do anyway.
//   npm run bench:listener
// Our listener is bundled and minified from src/ first, as the extension and CLI ship it.
// Each server runs in its own process; autocannon drives it from this one, with the same signed
// MessageSent body, connections and duration for all. Rounds are interleaved (a b c, a b c, …)
// and the median of each server is reported, so drift on a busy machine hits all alike.
//   a  our listener: signature check + body inspection + validation + history file, all on
//   a' the same with the history in memory (the difference is the cost of the disk writes)
//   L  the CLI as users run it: `postal-webhooks listen --history FILE --public-key FILE`, its
//      readable line per request on stdout, bundled from src/. Its stdout is a file, as with
//      `> requests.log`: written the same way as a terminal, without charging the reading to
//      this process, which also drives the load
//   b  minimal handler: read body, one crypto.verify with a prepared key, JSON.parse, 200
//   c  bare handler: read body, 200
// Targets: a/b >= 0.90 and L/b >= 0.90. RSA verification alone is ~25-45 µs here, so a/c
// cannot reach 1.
import autocannon from 'autocannon';
import { bundleForBench } from './bundle.mjs';
import { fork, spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const KINDS = [
  ['a', 'ours'],
  ["a'", 'ours-mem'],
  ['L', 'cli'],
  ['b', 'minimal'],
  ['c', 'bare'],
];

const here = import.meta.dirname;
const repo = join(here, '../..');
const core = await bundleForBench('listenerCore', [
  "export { createListener } from './src/core/listener';",
  "export { createMemoryStore, openFileStore } from './src/core/store';",
  "export { parsePublicKey } from './src/core/signature';",
  "export { silentLogger } from './src/core/logger';",
]);
const cli = await bundleForBench('cli', ["import './src/cli';"]);
const body = readFileSync(join(repo, 'test/fixtures/signature/appendix-a.body.json'));
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const headers = {
  'content-type': 'application/json',
  'user-agent': 'Postal/3.3.6',
  'x-postal-signature-kid': 'bench',
  'x-postal-signature': sign('sha1', body, privateKey).toString('base64'),
  'x-postal-signature-256': sign('sha256', body, privateKey).toString('base64'),
};
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** `postal-webhooks listen` in its own process; its port comes from its first line. */
async function startCli(dir) {
  const keyFile = join(dir, 'postal.pem');
  writeFileSync(keyFile, publicKeyPem);
  const outFile = join(dir, 'requests.log');
  const out = openSync(outFile, 'w');
  const child = spawn(process.execPath, [cli, 'listen', '--port', '0', '--history', join(dir, 'history.jsonl'), '--public-key', keyFile], { stdio: ['ignore', out, 'inherit'] });
  closeSync(out);
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    const match = /Listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(readFileSync(outFile, 'utf8'));
    if (match !== null) return { child, port: Number(match[1]) };
    if (exited) throw new Error(`the CLI exited: ${readFileSync(outFile, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function startServer(kind, dir) {
  if (kind === 'cli') return startCli(dir);
  const child = fork(join(here, 'servers/listenerServer.mjs'), [kind], { env: { ...process.env, BENCH_PUBLIC_KEY: publicKeyPem, BENCH_DIR: dir, BENCH_CORE: core }, stdio: 'inherit' });
  const message = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { child, ...message };
}

async function measure(port, seconds) {
  const result = await autocannon({ url: `http://127.0.0.1:${port}/`, method: 'POST', headers, body, connections: CONNECTIONS, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`non-2xx ${result.non2xx}, errors ${result.errors}`);
  return result;
}

/** CPU µs used so far by a server: over IPC from ours, from /proc for the CLI (Linux; NaN elsewhere). */
function cpuOf(child) {
  if (child.channel === undefined || child.channel === null) {
    try {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Promise.resolve(((Number(fields[11]) + Number(fields[12])) * 1e6) / 100);
    } catch {
      return Promise.resolve(NaN);
    }
  }
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message.cpu.user + message.cpu.system));
    child.send('cpu');
  });
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

/** req/s and server CPU µs per request of one run of one server. */
async function run(kind) {
  const dir = mkdtempSync(join(tmpdir(), 'postal-bench-'));
  const server = await startServer(kind, dir);
  try {
    await measure(server.port, 1); // warm-up: JIT, connection pool
    const cpuBefore = await cpuOf(server.child);
    const result = await measure(server.port, DURATION_S);
    const cpuUs = (await cpuOf(server.child)) - cpuBefore;
    return { rate: result.requests.average, cpuPerRequest: cpuUs / result.requests.total };
  } finally {
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

const samples = Object.fromEntries(KINDS.map(([label]) => [label, []]));
for (let round = 1; round <= ROUNDS; round += 1) {
  for (const [label, kind] of KINDS) {
    const sample = await run(kind);
    samples[label].push(sample);
    process.stderr.write(`round ${round} ${label.padEnd(2)} ${sample.rate.toFixed(0).padStart(6)} req/s  ${sample.cpuPerRequest.toFixed(1).padStart(5)} µs CPU/request\n`);
  }
}

const rate = {};
const cpu = {};
for (const [label] of KINDS) {
  rate[label] = median(samples[label].map((sample) => sample.rate));
  cpu[label] = median(samples[label].map((sample) => sample.cpuPerRequest));
}
const names = {
  a: 'listener: verify + inspect + validate + history file',
  L: 'postal-webhooks listen --history FILE, readable output',
  "a'": 'listener, history in memory only',
  b: 'minimal: body + one RSA verify + JSON.parse',
  c: 'bare: body only',
};
console.log(`\nlistener bench: ${body.length}-byte signed MessageSent, ${CONNECTIONS} connections, ${ROUNDS} x ${DURATION_S} s, medians`);
for (const [label] of KINDS) {
  console.log(`  ${label.padEnd(3)}${names[label].padEnd(56)}${rate[label].toFixed(0).padStart(7)} req/s ${cpu[label].toFixed(1).padStart(7)} µs CPU/req`);
}
console.log(`  a/b = ${(rate.a / rate.b).toFixed(2)} (core listener, target >= 0.90)   L/b = ${(rate.L / rate.b).toFixed(2)} (CLI, target >= 0.90)`);
console.log(`  a'/b = ${(rate["a'"] / rate.b).toFixed(2)}   a/c = ${(rate.a / rate.c).toFixed(2)}`);
