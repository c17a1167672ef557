import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, from out/test/unit/events/ where the compiled tests run. */
export const REPO_ROOT = join(__dirname, '../../../..');
const FIXTURES = join(REPO_ROOT, 'test/fixtures');

/** Parsed JSON, walked freely by the tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code indexes into fixtures of known shape
export type Json = Record<string, any>;

export interface Fixture {
  readonly file: string;
  readonly text: string;
  readonly value: Json;
}

function loadDir(dir: string): Fixture[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(FIXTURES, dir, name), 'utf8');
      return { file: `${dir}/${name}`, text, value: JSON.parse(text) as Json };
    });
}

/** One envelope per event and variant, as the Postal reference documents them. */
export const POSTAL_SAMPLES = loadDir('postal-samples');
/** Postal's docs examples (inner payloads, v2 order, odd token lengths) wrapped in envelopes. */
export const POSTAL_DOCS = loadDir('postal-docs');
export const ALL_FIXTURES = [...POSTAL_SAMPLES, ...POSTAL_DOCS];
