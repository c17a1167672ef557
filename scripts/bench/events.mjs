#!/usr/bin/env node
// How much zod validation of a Postal webhook costs next to parsing its JSON, measured in the
// same run on the same bytes: for each reference sample, µs per JSON.parse of the compact wire
// body, µs per validateEnvelope() of the parsed value, and their ratio. Needs the compiled
// sources in out/ (`npm run bench:events` compiles them first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const compiled = join(repo, 'out/src/core/events/index.js');
if (!existsSync(compiled)) {
  console.error(`${compiled} is missing: run \`npm run bench:events\`, which compiles src/ first.`);
  process.exit(1);
}
const { validateEnvelope } = require(compiled);

const WARM_UP_MS = 150;
const SAMPLE_MS = 60;
const ROUNDS = 9;
let sink = 0;

/** Median µs per call of `fn`, over ROUNDS timed batches sized to take about SAMPLE_MS each. */
function measure(fn) {
  let iterations = 0;
  for (const until = performance.now() + WARM_UP_MS; performance.now() < until; iterations++) fn();
  const batch = Math.max(100, Math.round((iterations * SAMPLE_MS) / WARM_UP_MS));
  const results = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) fn();
    results.push(((performance.now() - start) * 1000) / batch);
  }
  return results.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

function row(name, text, value) {
  const parse = measure(() => { sink += JSON.parse(text) === null ? 1 : 0; });
  const validate = measure(() => { sink += validateEnvelope(value).ok ? 1 : 0; });
  return { name, bytes: Buffer.byteLength(text), parse, validate, ratio: validate / parse };
}

const samplesDir = join(repo, 'test/fixtures/postal-samples');
const rows = readdirSync(samplesDir).filter((file) => file.endsWith('.json')).sort().map((file) => {
  const value = JSON.parse(readFileSync(join(samplesDir, file), 'utf8'));
  const result = validateEnvelope(value);
  if (!result.ok) throw new Error(`${file} does not validate: ${JSON.stringify(result.issues)}`);
  return row(file.replace(/\.json$/, ''), JSON.stringify(value), value);
});

// The failure path builds readable issues, so it is measured too.
const broken = JSON.parse(readFileSync(join(samplesDir, 'MessageSent.json'), 'utf8'));
broken.payload.message.direction = 'outbound';
delete broken.payload.sent_with_ssl;
rows.push(row('MessageSent, 2 issues (invalid)', JSON.stringify(broken), broken));

const pad = (text, width) => String(text).padEnd(width);
const num = (value, digits = 2) => value.toFixed(digits).padStart(8);
console.log(`Node ${process.version}; median of ${ROUNDS} batches per figure\n`);
console.log(`${pad('sample', 38)}${pad('bytes', 7)}JSON.parse µs  validate µs   ratio`);
for (const r of rows) console.log(`${pad(r.name, 38)}${pad(r.bytes, 7)}${num(r.parse)}      ${num(r.validate)}    ${num(r.ratio, 1)}x`);
const valid = rows.slice(0, -1);
const mean = (pick) => valid.reduce((sum, r) => sum + pick(r), 0) / valid.length;
console.log(`\nvalid samples: validation costs ${mean((r) => r.ratio).toFixed(1)}x JSON.parse on average ` +
  `(${mean((r) => r.validate).toFixed(2)} µs vs ${mean((r) => r.parse).toFixed(2)} µs)`);
if (sink < 0) console.log(sink);
