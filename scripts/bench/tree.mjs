// How fast the Events tree renders from a large history, and whether a burst of webhooks keeps
// the extension host responsive.
//   npm run bench:tree
// The explorer model is bundled and minified from src/ first, as the extension ships it.
//
// 1. Render: 10,000 stored records (messages with 2-5 events each, DNS errors, send limits,
//    unsigned, forged and non-Postal requests). After each new record, one refresh as VS Code
//    asks for it: the root's getChildren, then getTreeItem for every row it returns and for the
//    rows of the groups that start expanded. Per grouping mode: median / p95 / max in ms, the
//    budget is 10 ms. Baseline, same run: the same refresh when every record is summarised
//    again (one JSON.parse each) instead of once on arrival.
// 2. Burst: 1,000 records in one second into a history file already holding 10,000 (so every
//    add evicts one), each through store → model → debounced (100 ms) refresh. Reported: the
//    event-loop delay (p50 / p99 / max, 1 ms resolution) and the longest single add and refresh.
import { loadForBench } from './bundle.mjs';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const RECORDS = 10_000;
const BURST = 1_000;
const BUDGET_MS = 10;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

const repo = join(import.meta.dirname, '../..');
const tree = await loadForBench('treeCore', [
  "export * from './src/core/explorer';",
  "export { createRecordId, entryOf, openFileStore, createMemoryStore, recordFacts } from './src/core/store';",
]);

const samplesDir = join(repo, 'test/fixtures/postal-samples');
const samples = Object.fromEntries(readdirSync(samplesDir).map((file) => [file.replace(/\.json$/, ''), readFileSync(join(samplesDir, file), 'utf8')]));
const TIMELINE = ['MessageSent', 'MessageLoaded', 'MessageLinkClicked', 'MessageLoaded', 'MessageBounced'];
let sequence = 0;
let clock = Date.now() - RECORDS * 1000;

/** A record as the listener stores it, for the n-th request of a realistic mix. */
function makeRecord(index) {
  sequence += 1;
  clock += 500;
  const uuid = `${(0x10000000 + sequence).toString(16)}-1111-4111-8111-${String(sequence).padStart(12, '0')}`;
  const message = Math.floor(index / 3);
  const kind = index % 50 === 0 ? 'not-postal' : 'postal';
  let name = index % 97 === 0 ? 'DomainDNSError' : index % 89 === 0 ? 'SendLimitApproaching' : TIMELINE[index % 3 + (message % 3)];
  const envelope = JSON.parse(samples[name]);
  envelope.uuid = uuid;
  const target = envelope.payload.message ?? envelope.payload.original_message;
  if (target) {
    target.token = `tok${String(message).padStart(13, '0')}`;
    target.to = `user${message % 700}@example.net`;
    target.subject = `Order #${message} has shipped`;
  }
  const body = kind === 'postal' ? JSON.stringify(envelope) : `{"hello":"world","n":${index}}`;
  const signature = index % 40 === 0 ? { status: 'invalid', algorithm: 'sha256', reason: 'no match' } : index % 20 === 0 ? { status: 'missing' } : { status: 'valid', algorithm: 'sha256' };
  return {
    id: tree.createRecordId(clock),
    receivedAt: clock,
    method: 'POST',
    path: '/',
    remoteAddress: '127.0.0.1',
    headers: { raw: [['Content-Type', 'application/json'], ['User-Agent', 'Postal/3.3.6']], map: { 'content-type': 'application/json', 'user-agent': 'Postal/3.3.6' } },
    body: { encoding: 'utf8', data: body, size: Buffer.byteLength(body), truncated: false },
    parse: { status: 'json' },
    kind,
    event: kind === 'postal' ? name : undefined,
    uuid: kind === 'postal' ? uuid : undefined,
    schema: { valid: true, issues: [] },
    signature,
    duplicate: false,
    attempt: 1,
    response: { status: 200, delayMs: 0, body: '{"received":true}', reason: 'fixed' },
  };
}

/** What VS Code does on a refresh: root children, their tree items, and the rows of groups that start expanded. */
function render(view, now) {
  const limit = () => tree.PAGE_SIZE;
  let rows = 0;
  for (const node of tree.rootNodes(view, limit)) {
    const spec = tree.itemSpec(node, now);
    rows++;
    if (spec.collapsible !== 'expanded') continue;
    for (const child of tree.childNodes(node, limit)) {
      tree.itemSpec(child, now);
      rows++;
    }
  }
  return rows;
}

function stats(samplesMs) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) };
}

const fmt = (ms) => ms.toFixed(2).padStart(7);
console.log(`Node ${process.version}; ${RECORDS.toLocaleString('en-US')} records, ${ITERATIONS} refreshes per mode\n`);

const history = Array.from({ length: RECORDS }, (_, index) => makeRecord(index));
/** What the history keeps in memory of a record: its entry, with the body's facts taken once (one JSON.parse). */
const entryOf = (record) => tree.entryOf(record, tree.recordFacts(record));
const entries = history.map(entryOf);
const model = new tree.ExplorerModel();
let started = performance.now();
model.reset([...entries].reverse());
console.log(`loading the history into the model (one summary per record, once): ${(performance.now() - started).toFixed(1)} ms\n`);

let failed = false;
console.log(`${'grouping'.padEnd(10)}${'rows'.padStart(6)}   median     p95      max  | baseline median   ratio`);
for (const grouping of ['type', 'message', 'time']) {
  const times = [];
  let rows = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const record = makeRecord(RECORDS + i);
    model.apply({ type: 'added', record: entryOf(record), evicted: [] });
    const t0 = performance.now();
    rows = render(model.view(grouping, tree.NO_FILTER, Date.now()), Date.now());
    times.push(performance.now() - t0);
  }
  // Baseline: the same refresh if every record's body were parsed and summarised again each time.
  const baseline = [];
  for (let i = 0; i < Math.max(5, ITERATIONS / 20); i++) {
    const t0 = performance.now();
    const fresh = new tree.ExplorerModel();
    fresh.reset(history.map(entryOf));
    render(fresh.view(grouping, tree.NO_FILTER, Date.now()), Date.now());
    baseline.push(performance.now() - t0);
  }
  const ours = stats(times);
  const base = stats(baseline);
  const verdict = ours.p95 <= BUDGET_MS ? 'ok' : `OVER the ${BUDGET_MS} ms budget`;
  if (ours.p95 > BUDGET_MS) failed = true;
  console.log(`${grouping.padEnd(10)}${String(rows).padStart(6)}  ${fmt(ours.median)} ${fmt(ours.p95)} ${fmt(ours.max)}  |      ${fmt(base.median)}   ${(ours.median / base.median).toFixed(3)}x  ${verdict}`);
}

// The burst: a file-backed history at its bound, 1,000 adds spread over one second.
const dir = mkdtempSync(join(tmpdir(), 'tree-bench-'));
const opened = await tree.openFileStore(join(dir, 'history.jsonl'), { maxRecords: RECORDS });
if (!opened.ok) throw new Error(opened.message);
const store = opened.store;
for (const record of history) store.add(record);
await store.flush();
const burstModel = new tree.ExplorerModel();
burstModel.reset(store.list());
let longestRefresh = 0;
let refreshes = 0;
const scheduler = new tree.RefreshScheduler(100, () => {
  const t0 = performance.now();
  render(burstModel.view('message', tree.NO_FILTER, Date.now()), Date.now());
  longestRefresh = Math.max(longestRefresh, performance.now() - t0);
  refreshes++;
});
store.onDidChange((change) => {
  burstModel.apply(change);
  scheduler.schedule();
});
const incoming = Array.from({ length: BURST }, (_, index) => makeRecord(RECORDS + ITERATIONS + index));
const delay = monitorEventLoopDelay({ resolution: 1 });
let longestAdd = 0;
delay.enable();
started = performance.now();
await new Promise((resolve) => {
  let sent = 0;
  for (let index = 0; index < BURST; index++) {
    setTimeout(() => {
      const t0 = performance.now();
      void store.add(incoming[index]);
      longestAdd = Math.max(longestAdd, performance.now() - t0);
      if (++sent === BURST) setTimeout(resolve, 250);
    }, (index * 1000) / BURST);
  }
});
delay.disable();
const burstMs = performance.now() - started - 250;
await store.flush();
await store.close();
rmSync(dir, { recursive: true, force: true });
const ns = (value) => (value / 1e6).toFixed(2);
console.log(`\nburst: ${BURST} records in ${burstMs.toFixed(0)} ms into a full history (${RECORDS.toLocaleString('en-US')}, each add evicts one), grouped by message`);
console.log(`  event-loop delay  p50 ${ns(delay.percentile(50))} ms   p99 ${ns(delay.percentile(99))} ms   max ${ns(delay.max)} ms`);
console.log(`  longest add + model update ${longestAdd.toFixed(2)} ms; ${refreshes} debounced refreshes, longest ${longestRefresh.toFixed(2)} ms`);
if (failed) {
  console.error(`\nA grouping mode rendered over the ${BUDGET_MS} ms budget (p95).`);
  process.exit(1);
}
