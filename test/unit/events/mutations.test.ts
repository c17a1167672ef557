import * as assert from 'node:assert/strict';
import { type IssueCode, validateEnvelope } from '../../../src/core/events';
import { ALL_FIXTURES, type Json } from './eventFixtures';
import { compileShippedSchema } from './shippedSchema';

// The oracle, written from the Postal reference (§2, §3) rather than read from the schemas under
// test. Field names are unambiguous across Postal's payloads, so the last key decides.
const NULLABLE = new Set(['message_id', 'to', 'from', 'subject', 'tag', 'sent_with_ssl', 'time', 'ip_address', 'user_agent',
  'spf_error', 'dkim_error', 'mx_error', 'return_path_error', 'organization']);
const ENUMS = new Set(['direction', 'spam_status', 'spf_status', 'dkim_status', 'mx_status', 'return_path_status']);
const FORMATTED = new Set(['token', 'uuid']);
const INTEGERS = new Set(['id', 'volume', 'limit']);
const COUNTS = new Set(['volume', 'limit']);

type Path = (string | number)[];
interface Mutation {
  readonly describe: string;
  readonly value: unknown;
  /** The single issue zod must report, or undefined when the mutation is still valid. */
  readonly issue?: { path: Path; code: IssueCode };
}

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return 'true';
  if (value === null) return {};
  return 'text';
}

function valueCode(path: Path): IssueCode {
  const key = path[path.length - 1];
  if (path.length === 1 && key === 'event') return 'unknown-event';
  return key === 'status' ? 'literal' : 'enum';
}

function withChange(root: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(root);
  const parent = path.slice(0, -1).reduce<Json>((value, key) => value[key] as Json, copy as Json);
  change(parent, path[path.length - 1]);
  return copy;
}

function* fieldMutations(root: unknown, path: Path, value: unknown): Generator<Mutation> {
  const key = String(path[path.length - 1]);
  const set = (replacement: unknown) => withChange(root, path, (parent, last) => (parent[last] = replacement));
  const at = (code: IssueCode) => ({ path, code });
  const where = path.join('.');
  yield { describe: `${where} removed`, value: withChange(root, path, (parent, last) => delete parent[last]), issue: at('missing') };
  yield { describe: `${where} of the wrong type`, value: set(wrongType(value)), issue: at('type') };
  yield { describe: `${where} as an array`, value: set([]), issue: at('type') };
  yield { describe: `${where} null`, value: set(null), ...(NULLABLE.has(key) ? {} : { issue: at('type') }) };
  if (ENUMS.has(key) || key === 'status' || (path.length === 1 && key === 'event')) {
    yield { describe: `${where} outside its values`, value: set('Bogus'), issue: at(valueCode(path)) };
  }
  if (FORMATTED.has(key)) yield { describe: `${where} malformed`, value: set('not valid!'), issue: at('format') };
  if (INTEGERS.has(key)) yield { describe: `${where} fractional`, value: set(1.5), issue: at('type') };
  if (COUNTS.has(key)) yield { describe: `${where} negative`, value: set(-1), issue: at('range') };
  if (value !== null && typeof value === 'object') {
    yield { describe: `${where} with an unknown key`, value: withChange(root, [...path, 'x_unknown'], (parent, last) => (parent[last] = 1)) };
    for (const [child, childValue] of Object.entries(value)) yield* fieldMutations(root, [...path, child], childValue);
  }
}

function* mutationsOf(envelope: Record<string, unknown>): Generator<Mutation> {
  for (const [key, value] of Object.entries(envelope)) yield* fieldMutations(envelope, [key], value);
  yield { describe: 'an unknown key in the envelope', value: { ...envelope, x_unknown: true } };
  yield { describe: 'every object with its keys reversed', value: reversed(envelope) };
}

function reversed(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reversed(child)]));
}

describe('schema mutations (zod and the JSON Schema agree)', () => {
  const { validate } = compileShippedSchema();

  for (const fixture of ALL_FIXTURES) {
    it(`reports each single break of ${fixture.file} at its path, and the JSON Schema agrees`, () => {
      let count = 0;
      for (const mutation of mutationsOf(fixture.value)) {
        count++;
        const result = validateEnvelope(mutation.value);
        const label = `${fixture.file}: ${mutation.describe}`;
        if (mutation.issue) {
          assert.equal(result.ok, false, `${label} was accepted`);
          if (result.ok) continue;
          assert.deepEqual(result.issues.map(({ path, code }) => ({ path, code })), [mutation.issue], label);
          assert.ok(result.issues[0].message.length > 0, label);
        } else {
          assert.equal(result.ok, true, `${label}: ${JSON.stringify(result)}`);
        }
        assert.equal(validate(mutation.value), result.ok, `${label}: zod says ${result.ok ? 'valid' : 'invalid'}, the JSON Schema disagrees`);
      }
      assert.ok(count > 40, `only ${count} mutations generated`);
    });
  }
});
