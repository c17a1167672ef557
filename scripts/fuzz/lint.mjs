#!/usr/bin/env node
// Runs the linter's property checks on many more inputs than the unit suite:
//   npm run fuzz:lint                  100 000 cases (a third each: strings, JSON values, mutated samples)
//   npm run fuzz:lint -- --runs 5000   fewer
//   npm run fuzz:lint -- --seed 42     reproduce a run
// The arbitraries and the invariants are the unit suite's (test/unit/lint/lintArbitraries.ts),
// compiled to out/ by `npm run compile-tests`.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const fc = require('fast-check');
const { arbitraryJson, arbitraryMutatedSample, arbitraryString, checkLintInvariants } = require('../../out/test/unit/lint/lintArbitraries.js');

const { values } = parseArgs({ options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const total = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const BUDGET_MS = 2000;

let slowest = 0;
const check = (input) => {
  const started = performance.now();
  checkLintInvariants(input);
  const elapsed = performance.now() - started;
  slowest = Math.max(slowest, elapsed);
  if (elapsed > BUDGET_MS) throw new Error(`took ${elapsed.toFixed(0)} ms on ${JSON.stringify(input).slice(0, 300)}`);
};

const started = Date.now();
const groups = [['arbitrary strings', arbitraryString], ['arbitrary JSON values', arbitraryJson], ['mutated samples', arbitraryMutatedSample]];
let failed = false;
for (const [name, arbitrary] of groups) {
  const numRuns = Math.ceil(total / groups.length);
  const result = fc.check(fc.property(arbitrary, check), { numRuns, seed });
  console.log(`${name}: ${numRuns} cases, ${result.failed ? 'FAILED' : 'ok'}`);
  if (result.failed) {
    failed = true;
    console.log(fc.defaultReportMessage(result));
  }
}
console.log(`seed ${seed}; ${((Date.now() - started) / 1000).toFixed(1)} s; slowest case ${slowest.toFixed(1)} ms`);
process.exit(failed ? 1 : 0);
