#!/usr/bin/env node
// Shows that the test command cannot pass while an integration test fails: runs `npm test` with
// a deliberately failing test added inside VS Code and succeeds only if `npm test` fails
// because of that test. The rest of the integration suite is filtered out (the whole chain,
// typecheck, lint, unit tests and VS Code, still runs): its passing is proved by `npm test`.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npm', ['test'], {
  env: { ...process.env, POSTAL_TEST_PROVE_RED: '1', POSTAL_TEST_GREP: 'fails on purpose' },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const output = result.stdout + result.stderr;
const failedOnPurpose = /fails on purpose inside VS Code/.test(output) && /\b1 failing\b/.test(output);
if (result.status !== 0 && failedOnPurpose) {
  console.log(`proved: npm test exits ${result.status} when one integration test fails inside VS Code`);
} else {
  console.error(output.slice(-4000));
  console.error(`NOT proved: npm test exited ${result.status}; the deliberate failure ${failedOnPurpose ? 'was' : 'was not'} reported`);
  process.exit(1);
}
