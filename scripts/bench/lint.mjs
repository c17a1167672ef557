#!/usr/bin/env node
// How long linting takes next to JSON.parse of the same text, measured in the same run:
//   - one ~1 KB webhook body (.postal.json), and
//   - a 5 MB .postal.jsonl generated from the catalog's samples (every event and variant, each
//     line with its own seed), parsed line by line for the baseline, linted as JSONL.
// Target: lint ≤ 5 × JSON.parse on the 5 MB file. Extra rows show the slower paths (lines with
// problems to locate, lines that do not parse) without a target.
// A second table times auto-detection, which decides whether a plain JSON document is a Postal
// body before anything is linted, the way the editor asks it (from the document's lines): on a
// 200 KB package-lock.json and a 5 MB non-Postal JSON, next to JSON.parse and the former check
// (parse the whole text, look at the root) of the same text. Target: ≤ 0.1 ms whatever the size.
// The linter is bundled with esbuild first, as the extension and the CLI ship it.
import { performance } from 'node:perf_hooks';
import { loadForBench } from './bundle.mjs';

const { lintDocument, EVENT_CATALOG, EVENT_NAMES, sampleEnvelope, looksLikePostal, looksLikePostalText, POSTAL_SNIFF_CHARS, parseDocument, looksLikeEnvelope } = await loadForBench('lint', [
  "export * from './src/core/lint';",
  "export { EVENT_CATALOG, EVENT_NAMES, sampleEnvelope, looksLikeEnvelope } from './src/core/events';",
  "export { parseDocument } from './src/core/lint/parseDocument';",
  "export { looksLikePostal } from './src/vscode/diagnostics/lintTarget';",
]);
const DETECT_TARGET_MS = 0.1;

const TARGET_RATIO = 5;
const TARGET_BYTES = 5 * 1024 * 1024;
const ROUNDS = 9;
const MIN_BATCH_MS = 40;
let sink = 0;

/**
 * Median milliseconds per call of `fn` over ROUNDS batches, after warming up. Small inputs run
 * many times per batch so the timer's resolution does not decide the result.
 */
function measure(fn) {
  let calls = 0;
  const warmUpStart = performance.now();
  while (performance.now() - warmUpStart < MIN_BATCH_MS || calls < 3) {
    fn();
    calls++;
  }
  const batch = Math.max(1, Math.ceil((calls * MIN_BATCH_MS) / (performance.now() - warmUpStart)));
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) fn();
    times.push((performance.now() - start) / batch);
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

/** Compact envelopes of every variant, with a new seed per line, until the text reaches `bytes`. */
function generateJsonl(bytes, mutate = (line) => line) {
  const variants = EVENT_NAMES.flatMap((event) => EVENT_CATALOG[event].variants.map((variant) => [event, variant.name]));
  const lines = [];
  let size = 0;
  for (let seed = 1; size < bytes; seed++) {
    const [event, variant] = variants[seed % variants.length];
    const line = mutate(JSON.stringify(sampleEnvelope(event, variant, { seed, now: 1714567891 + seed })), seed);
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n') + '\n';
}

function parseLines(text) {
  for (const line of text.split('\n')) if (line !== '') sink += JSON.parse(line) === null ? 1 : 0;
}

function row(name, text, format, parse, target) {
  const parseMs = measure(parse);
  const lintMs = measure(() => { sink += lintDocument(text, { format }).length; });
  const ratio = lintMs / parseMs;
  const issues = lintDocument(text, { format }).length;
  return { name, bytes: Buffer.byteLength(text), issues, parseMs, lintMs, ratio, target };
}

const body = JSON.stringify(sampleEnvelope('MessageSent', 'default', { seed: 1, now: 1714567891 }), null, 2);
const clean = generateJsonl(TARGET_BYTES);
const withUnknownKeys = generateJsonl(TARGET_BYTES, (line, seed) => (seed % 10 === 0 ? line.replace('{', '{"extra":1,') : line));
const withBrokenLines = generateJsonl(TARGET_BYTES, (line, seed) => (seed % 10 === 0 ? line.replace(/}$/, ',}') : line));

const rows = [
  row('1 KB envelope, pretty-printed (.postal.json)', body, 'json', () => { sink += JSON.parse(body) === null ? 1 : 0; }),
  row('5 MB .postal.jsonl, clean', clean, 'jsonl', () => parseLines(clean), TARGET_RATIO),
  row('5 MB .postal.jsonl, 1 line in 10 with an unknown key', withUnknownKeys, 'jsonl', () => parseLines(withUnknownKeys)),
  row('5 MB .postal.jsonl, 1 line in 10 with a trailing comma', withBrokenLines, 'jsonl', () => parseLines(withBrokenLines.replace(/,}\n/g, '}\n'))),
];

console.log(`lintDocument vs JSON.parse of the same text (median of ${ROUNDS}; Node ${process.version})\n`);
console.log(`${'input'.padEnd(56)} ${'bytes'.padStart(9)} ${'issues'.padStart(7)} ${'JSON.parse'.padStart(11)} ${'lint'.padStart(10)} ${'ratio'.padStart(7)}  target`);
let missed = false;
for (const r of rows) {
  const verdict = r.target === undefined ? '' : r.ratio <= r.target ? `≤ ${r.target}× met` : `≤ ${r.target}× MISSED`;
  if (r.target !== undefined && r.ratio > r.target) missed = true;
  const ms = (value) => (value < 1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(1)} ms`);
  console.log(`${r.name.padEnd(56)} ${String(r.bytes).padStart(9)} ${String(r.issues).padStart(7)} ${ms(r.parseMs).padStart(11)} ${ms(r.lintMs).padStart(10)} ${`${r.ratio.toFixed(2)}×`.padStart(7)}  ${verdict}`);
}

/** A package-lock.json of about `bytes`: large, and not a webhook body. */
function packageLockLike(bytes) {
  const packages = { '': { name: 'demo', version: '1.0.0' } };
  for (let i = 0, size = 0; size < bytes; i++) {
    const entry = { version: `1.2.${i}`, resolved: `https://registry.npmjs.org/pkg-${i}/-/pkg-${i}-1.2.${i}.tgz`, integrity: `sha512-${'Zm9v'.repeat(20)}`, dev: i % 2 === 0 };
    packages[`node_modules/pkg-${i}`] = entry;
    size += JSON.stringify(entry, null, 6).length + 30;
  }
  return JSON.stringify({ name: 'demo', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2);
}

/** A GeoJSON-like file of about `bytes`: one big array under the second root key. */
function featureCollection(bytes) {
  const feature = (i) => ({ type: 'Feature', properties: { id: i, name: `Site ${i}` }, geometry: { type: 'Point', coordinates: [i / 1000, -i / 1000] } });
  const count = Math.ceil(bytes / JSON.stringify(feature(99999)).length);
  return JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: count }, (_, i) => feature(i)) });
}

/**
 * An editor document over `text` (lines, a version), as the extension sees one. Each call of the
 * returned function hands out a new version, so the decision is made afresh, not served from
 * its per-version cache.
 */
function editorDocument(text) {
  const lines = text.split('\n');
  const document = { uri: { scheme: 'file', path: '/bench/file.json' }, languageId: 'json', version: 0, lineCount: lines.length, lineAt: (line) => ({ text: lines[line] }) };
  return () => { document.version++; return document; };
}

function detectRow(name, text) {
  const nextVersion = editorDocument(text);
  const sniffer = { looksLikePostalText, POSTAL_SNIFF_CHARS };
  const detected = looksLikePostal(nextVersion(), sniffer);
  const detectMs = measure(() => { sink += looksLikePostal(nextVersion(), sniffer) ? 1 : 0; });
  const parseMs = measure(() => { sink += JSON.parse(text) === null ? 1 : 0; });
  const formerMs = measure(() => { sink += looksLikeEnvelope(parseDocument(text).value) ? 1 : 0; });
  return { name, bytes: Buffer.byteLength(text), detected, detectMs, parseMs, formerMs };
}

const detectRows = [
  detectRow('1 KB webhook body (is Postal)', body),
  detectRow('200 KB package-lock.json (not Postal)', packageLockLike(200 * 1024)),
  detectRow('5 MB GeoJSON FeatureCollection (not Postal)', featureCollection(5 * 1024 * 1024)),
];
console.log(`\nauto-detection: is a JSON document a Postal body? (median of ${ROUNDS}; new document version each call)\n`);
console.log(`${'input'.padEnd(46)} ${'bytes'.padStart(9)} ${'Postal?'.padStart(8)} ${'JSON.parse'.padStart(11)} ${'former'.padStart(10)} ${'detect'.padStart(10)} ${'vs parse'.padStart(9)}  target`);
for (const r of detectRows) {
  const met = r.detectMs <= DETECT_TARGET_MS;
  if (!r.detected && !met) missed = true;
  const verdict = r.detected ? '' : `≤ ${DETECT_TARGET_MS} ms ${met ? 'met' : 'MISSED'}`;
  const ms = (value) => (value < 1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(1)} ms`);
  console.log(`${r.name.padEnd(46)} ${String(r.bytes).padStart(9)} ${(r.detected ? 'yes' : 'no').padStart(8)} ${ms(r.parseMs).padStart(11)} ${ms(r.formerMs).padStart(10)} ${ms(r.detectMs).padStart(10)} ${`${(r.detectMs / r.parseMs).toFixed(4)}×`.padStart(9)}  ${verdict}`);
}
if (sink === -1) console.log(sink);
process.exit(missed ? 1 : 0);
