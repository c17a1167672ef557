// Throughput of the webhook listener against what any careful handler must do anyway.
//   npm run bench:listener      (compiles src/ to out/ first)
// Each server runs in its own process; autocannon drives it from this one, with the same signed
// MessageSent body, connections and duration for all. Rounds are interleaved (a b c, a b c, …)
// and the median of each server is reported, so drift on a busy machine hits all alike.
//   a  our listener: signature check + body inspection + validation + history file, all on
//   a' the same with the history in memory (the difference is the cost of the disk writes)
//   b  minimal handler: read body, one crypto.verify with a prepared key, JSON.parse, 200
//   c  bare handler: read body, 200
// Target: a/b >= 0.90. RSA verification alone is ~25-45 µs here, so a/c cannot reach 1.
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const KINDS = [
  ['a', 'ours'],
  ["a'", 'ours-mem'],
  ['b', 'minimal'],
  ['c', 'bare'],
];

const here = import.meta.dirname;
const body = readFileSync(join(here, '../../test/fixtures/signature/appendix-a.body.json'));
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const headers = {
  'content-type': 'application/json',
  'user-agent': 'Postal/3.3.6',
  'x-postal-signature-kid': 'bench',
  'x-postal-signature': sign('sha1', body, privateKey).toString('base64'),
  'x-postal-signature-256': sign('sha256', body, privateKey).toString('base64'),
};
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

async function startServer(kind, dir) {
  const child = fork(join(here, 'servers/listenerServer.mjs'), [kind], { env: { ...process.env, BENCH_PUBLIC_KEY: publicKeyPem, BENCH_DIR: dir }, stdio: 'inherit' });
  const message = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { child, ...message };
}

async function measure(port, seconds) {
  const result = await autocannon({ url: `http://127.0.0.1:${port}/`, method: 'POST', headers, body, connections: CONNECTIONS, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`non-2xx ${result.non2xx}, errors ${result.errors}`);
  return result.requests.average;
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

const samples = Object.fromEntries(KINDS.map(([label]) => [label, []]));
let validates = false;
for (let round = 1; round <= ROUNDS; round += 1) {
  for (const [label, kind] of KINDS) {
    const dir = mkdtempSync(join(tmpdir(), 'postal-bench-'));
    const server = await startServer(kind, dir);
    validates ||= server.validates === true;
    try {
      await measure(server.port, 1); // warm-up: JIT, connection pool
      samples[label].push(await measure(server.port, DURATION_S));
    } finally {
      server.child.kill();
      await new Promise((resolve) => server.child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
    process.stderr.write(`round ${round} ${label.padEnd(2)} ${samples[label].at(-1).toFixed(0)} req/s\n`);
  }
}

const rate = Object.fromEntries(Object.entries(samples).map(([label, values]) => [label, median(values)]));
console.log(`\nlistener bench: ${body.length}-byte signed MessageSent, ${CONNECTIONS} connections, ${ROUNDS} x ${DURATION_S} s, median req/s`);
console.log(`  a   listener (verify + inspect${validates ? ' + validate' : ', no validator built'} + history file)  ${rate.a.toFixed(0)}`);
console.log(`  a'  listener, history in memory                                 ${rate["a'"].toFixed(0)}`);
console.log(`  b   minimal handler (body + verify + JSON.parse)                ${rate.b.toFixed(0)}`);
console.log(`  c   bare handler (body only)                                    ${rate.c.toFixed(0)}`);
console.log(`  a/b = ${(rate.a / rate.b).toFixed(3)}  (target >= 0.90)    a'/b = ${(rate["a'"] / rate.b).toFixed(3)}    a/c = ${(rate.a / rate.c).toFixed(3)}`);
