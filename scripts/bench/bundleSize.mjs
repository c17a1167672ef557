#!/usr/bin/env node
// Size of each production bundle (what the .vsix and the CLI ship) against its budget: the code
// it loads when it starts (its entry file and the chunks that imports statically), the ten inputs
// that weigh most in that (bytes each contributes to the minified output, from esbuild's
// metafile), what running each CLI command loads, and the chunks it loads only on first use.
// Fails when a bundle is over budget, like the unit test that guards it.
import { measureShippedBundles } from './bundle.mjs';

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const bundles = await measureShippedBundles({ topInputs: 10 });
let over = false;
for (const bundle of bundles) {
  const verdict = bundle.bytes <= bundle.budget ? 'within budget' : 'OVER BUDGET';
  over ||= bundle.bytes > bundle.budget;
  const files = bundle.files === 1 ? '' : ` with the ${bundle.files - 1} chunk${bundle.files === 2 ? '' : 's'} it imports`;
  console.log(`${bundle.outfile}${files}, loaded at start: ${bundle.bytes} bytes (${kib(bundle.bytes)}), budget ${bundle.budget} bytes (${kib(bundle.budget)}), ${(bundle.bytes / bundle.budget * 100).toFixed(0)}% of it: ${verdict}`);
  console.log(`  largest of ${bundle.inputCount} inputs:`);
  for (const input of bundle.inputs) console.log(`  ${String(input.bytes).padStart(8)}  ${(input.bytes / bundle.bytes * 100).toFixed(1).padStart(5)}%  ${input.path}`);
  for (const command of bundle.commands) {
    over ||= command.bytes > bundle.budget;
    const verdict = command.bytes <= bundle.budget ? 'within budget' : 'OVER BUDGET';
    console.log(`  running ${command.source} loads ${command.bytes} bytes (${kib(command.bytes)}), ${(command.bytes / bundle.budget * 100).toFixed(0)}% of the budget: ${verdict}`);
  }
  if (bundle.lazy.length > 0) {
    console.log(`  loaded on first use: ${bundle.lazy.length} chunks, ${kib(bundle.lazy.reduce((total, chunk) => total + chunk.bytes, 0))}`);
    for (const chunk of bundle.lazy) console.log(`  ${String(chunk.bytes).padStart(8)}  ${chunk.file}`);
  }
  console.log('');
}
process.exit(over ? 1 : 0);
