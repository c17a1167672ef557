// Mocha entry point that VS Code's extension host loads (extensionTestsPath). Both launchers,
// the offline one (scripts/vscode/run.mjs) and the desktop one (scripts/vscode/testDesktop.mjs),
// point at this file.
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The extension's own suite runs first, so it sees the window as a user opening it would: no events yet. */
const FIRST = 'extension.test.js';

export function run(): Promise<void> {
  const files = testFiles(__dirname).sort((a, b) => Number(basename(b) === FIRST) - Number(basename(a) === FIRST));
  // Proves that a failing test turns the run red (see scripts/proveRed.mjs).
  if (process.env.POSTAL_TEST_PROVE_RED === '1') files.push(...testFiles(join(__dirname, '..', 'integration-failing')));
  return runMocha(files);
}

/** Runs mocha on `files` in this extension host; also the entry of follow-up suites (see run.mjs). */
export function runMocha(files: string[]): Promise<void> {
  // The web workbench forwards console output without printf formatting, so format it here.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  if (process.env.POSTAL_TEST_GREP) mocha.grep(process.env.POSTAL_TEST_GREP);
  files.forEach((file) => mocha.addFile(file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (process.env.POSTAL_TEST_SUMMARY) writeFileSync(process.env.POSTAL_TEST_SUMMARY, JSON.stringify(runner.stats));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
