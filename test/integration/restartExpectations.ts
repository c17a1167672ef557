import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What the first session leaves for the session after the restart to find. */
export interface RestartExpectations {
  /** The extension host process of the first session. */
  pid: number;
  historyPath: string;
  /** Envelope uuids that must be in the Events view again. */
  uuids: string[];
}

/** Set by scripts/vscode/run.mjs: where a suite asks for a follow-up suite in a fresh window. */
export const FOLLOW_UP_FILE = process.env.POSTAL_TEST_FOLLOW_UP;

function expectationsFile(): string {
  if (FOLLOW_UP_FILE === undefined) throw new Error('POSTAL_TEST_FOLLOW_UP is not set: run through scripts/vscode/run.mjs');
  return join(dirname(FOLLOW_UP_FILE), 'restart-expectations.json');
}

export function writeRestartExpectations(expectations: RestartExpectations, testsEntry: string): void {
  writeFileSync(expectationsFile(), JSON.stringify(expectations));
  writeFileSync(FOLLOW_UP_FILE ?? '', JSON.stringify({ tests: testsEntry, reason: 'history after an extension host restart' }));
}

export function readRestartExpectations(): RestartExpectations {
  return JSON.parse(readFileSync(expectationsFile(), 'utf8')) as RestartExpectations;
}
