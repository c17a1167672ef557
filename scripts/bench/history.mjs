// What the request history costs in memory and time, against its targets.
//   npm run bench:history
// The store is bundled and minified from src/ first, as the extension and CLI ship it. Each case
// runs in its own Node process (started with --expose-gc), so heap figures are its own:
//   summaries  10,000 records (realistic Postal events, ~1.5 KB lines) loaded from a history file:
//              heap used after loading, target <= 50 MB
//   bodies     2,000 records with 200 KB bodies added through a file store: heap growth, target
//              <= 100 MB (bodies stay on disk; memory holds their summaries)
//   load       opening a 100 MB history (10,000 records with 10 KB bodies): time, target <= 2 s,
//              and the heap it leaves (streamed, never read as one string)
//   oversize   a 2 GB file (sparse, its last 4 MB records) opened with the default 100 MB limit:
//              only the newest 150 MB are read, then it is compacted: time and heap
import { fork } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleForBench } from './bundle.mjs';

const MB = 1024 * 1024;
const TARGETS = { summaries: 50, bodies: 100, load: 2000 };

function report({ summaries, bodies, load, oversize }) {
  const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');
  console.log(`history bench (Node ${process.version})`);
  const label = (text) => `  ${text}:`.padEnd(36);
  console.log(`${label('10,000 records loaded')}heap ${summaries.heapMB.toFixed(1)} MB (target <= ${TARGETS.summaries})  ${verdict(summaries.heapMB <= TARGETS.summaries)}`);
  console.log(`${label('2,000 x 200 KB bodies added')}heap growth ${bodies.heapMB.toFixed(1)} MB (target <= ${TARGETS.bodies}), file ${bodies.fileMB.toFixed(0)} MB  ${verdict(bodies.heapMB <= TARGETS.bodies)}`);
  console.log(`${label(`${load.fileMB.toFixed(0)} MB history opened`)}${load.ms.toFixed(0)} ms (target <= ${TARGETS.load}), heap ${load.heapMB.toFixed(1)} MB, ${load.loaded} records  ${verdict(load.ms <= TARGETS.load)}`);
  console.log(`${label('2 GB file opened (100 MB limit)')}${oversize.ms.toFixed(0)} ms, heap ${oversize.heapMB.toFixed(1)} MB, ${oversize.loaded} records, file now ${oversize.fileMB.toFixed(1)} MB`);
  const failed = summaries.heapMB > TARGETS.summaries || bodies.heapMB > TARGETS.bodies || load.ms > TARGETS.load;
  if (failed) process.exitCode = 1;
}

/** One case, in this child process; sends its figures to the parent. */
async function runCase(name, corePath) {
  const { createRequire } = await import('node:module');
  const core = createRequire(import.meta.url)(corePath);
  const dir = mkdtempSync(join(tmpdir(), 'history-bench-'));
  const path = join(dir, 'history.jsonl');
  try {
    const result = await CASES[name](core, path);
    process.send(result, () => process.exit(0));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let clock = Date.now() - 10_000_000;
const EVENTS = ['MessageSent', 'MessageDelayed', 'MessageDeliveryFailed', 'MessageBounced', 'MessageLinkClicked', 'MessageLoaded', 'DomainDNSError'];

/** A record as the listener stores it: a realistic Postal event, padded to `bodyBytes` when asked. */
function record(core, index, bodyBytes = 0) {
  clock += 100;
  const envelope = core.sampleEnvelope(EVENTS[index % EVENTS.length]);
  envelope.uuid = `${(0x10000000 + index).toString(16)}-1111-4111-8111-${String(index).padStart(12, '0')}`;
  let body = JSON.stringify(envelope);
  if (bodyBytes > body.length) {
    envelope.payload.padding = 'p'.repeat(bodyBytes - body.length - 14);
    body = JSON.stringify(envelope);
  }
  const headers = [['Host', '127.0.0.1:8789'], ['Content-Type', 'application/json'], ['User-Agent', 'Postal/3.3.6'], ['X-Postal-Signature-KID', 'a'.repeat(64)], ['X-Postal-Signature-256', 's'.repeat(344)], ['X-Postal-Signature', 't'.repeat(344)], ['Content-Length', String(body.length)]];
  return {
    id: core.createRecordId(clock),
    receivedAt: clock,
    method: 'POST',
    path: '/',
    remoteAddress: '127.0.0.1',
    headers: { raw: headers, map: Object.fromEntries(headers.map(([name, value]) => [name.toLowerCase(), value])) },
    body: { encoding: 'utf8', data: body, size: Buffer.byteLength(body), truncated: false },
    parse: { status: 'json' },
    kind: 'postal',
    event: envelope.event,
    uuid: envelope.uuid,
    schema: { valid: true, issues: [] },
    signature: { status: 'valid', algorithm: 'sha256', kid: { header: 'a'.repeat(64), key: 'a'.repeat(64), matches: true } },
    duplicate: false,
    attempt: 1,
    response: { status: 200, delayMs: 0, body: `{"received":true,"id":"x","signature":"valid","schema":"valid"}`, reason: 'fixed' },
  };
}

function heapMB() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed / MB;
}

async function open(core, path, options = {}) {
  const opened = await core.openFileStore(path, { maxRecords: 100_000, ...options });
  if (!opened.ok) throw new Error(opened.message);
  return opened.store;
}

/** Writes `count` records into a history file, then closes it. */
async function fill(core, path, count, bodyBytes) {
  const store = await open(core, path, { maxBytes: 2000 * MB });
  for (let index = 0; index < count; index++) {
    void store.add(record(core, index, bodyBytes));
    if (index % 500 === 499) await store.flush();
  }
  await store.close();
}

/** Appends record lines as the store writes them, without a store. */
function appendRecordLines(core, path, count, bodyBytes) {
  const line = (index) => {
    const { headers, ...rest } = record(core, index, bodyBytes);
    return `${JSON.stringify({ v: 1, type: 'record', record: { ...rest, headers: { raw: headers.raw } } })}\n`;
  };
  const append = openSync(path, 'a');
  writeSync(append, `\n${Array.from({ length: count }, (_, index) => line(index)).join('')}`);
  closeSync(append);
}

const CASES = {
  async summaries(core, path) {
    await fill(core, path, 10_000, 0);
    const before = heapMB();
    const store = await open(core, path);
    const heap = heapMB() - before;
    if (store.size !== 10_000) throw new Error(`loaded ${store.size}`);
    await store.close();
    return { heapMB: heap };
  },
  async bodies(core, path) {
    const store = await open(core, path, { maxBytes: 1000 * MB });
    const before = heapMB();
    for (let index = 0; index < 2000; index++) {
      void store.add(record(core, index, 200 * 1024));
      if (index % 50 === 49) await store.flush();
    }
    await store.flush();
    const heap = heapMB() - before;
    const fileMB = store.bytes / MB;
    await store.close();
    return { heapMB: heap, fileMB };
  },
  async load(core, path) {
    // About 10 KB per line: 10,000 of them make a full 100 MB history.
    await fill(core, path, 10_000, 8600);
    const fileMB = statSync(path).size / MB;
    const before = heapMB();
    const started = performance.now();
    const store = await open(core, path);
    const ms = performance.now() - started;
    const result = { ms, heapMB: heapMB() - before, loaded: store.size, fileMB };
    await store.close();
    return result;
  },
  async oversize(core, path) {
    // 2 GB of nothing (a sparse file), then 4 MB of records at its end.
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 2048 * MB);
    closeSync(fd);
    appendRecordLines(core, path, 2000, 1500);
    const before = heapMB();
    const started = performance.now();
    const store = await open(core, path, { maxRecords: 1000 });
    const ms = performance.now() - started;
    const result = { ms, heapMB: heapMB() - before, loaded: store.size, fileMB: statSync(path).size / MB };
    await store.close();
    return result;
  },
};

if (process.argv[2] === 'case') {
  await runCase(process.argv[3], process.env.BENCH_CORE);
} else {
  const core = await bundleForBench('historyCore', ["export { openFileStore, createRecordId } from './src/core/store';", "export { sampleEnvelope } from './src/core/events';"]);
  const results = {};
  for (const name of ['summaries', 'bodies', 'load', 'oversize']) {
    results[name] = await new Promise((resolve, reject) => {
      const child = fork(import.meta.filename, ['case', name], { execArgv: ['--expose-gc'], env: { ...process.env, BENCH_CORE: core } });
      child.once('message', resolve);
      child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${name} exited with ${code}`))));
    });
  }
  report(results);
}
