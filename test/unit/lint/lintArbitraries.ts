import * as fc from 'fast-check';
import { EVENT_CATALOG, EVENT_NAMES, sampleEnvelope } from '../../../src/core/events';
import { applyEdits, type DocumentFormat, type LintIssue, lintDocument, type LintOptions } from '../../../src/core/lint';

/**
 * Inputs for property tests of the linter, shared by the unit suite (a few hundred cases) and
 * `npm run fuzz:lint` (100 000). Each input is a text plus the format to lint it as.
 */
export interface LintInput {
  text: string;
  format: DocumentFormat;
}

/** Every sample of every event, pretty and compact: the texts mutations start from. */
export const SAMPLE_TEXTS: readonly string[] = EVENT_NAMES.flatMap((event) =>
  EVENT_CATALOG[event].variants.flatMap((variant) => {
    const envelope = sampleEnvelope(event, variant.name, { seed: 3, now: 1714567891 });
    return [JSON.stringify(envelope, null, 2), JSON.stringify(envelope), JSON.stringify(envelope.payload, null, 2)];
  }),
);

/** Characters that steer a JSON parser into its interesting corners. */
const JSONISH = fc.constantFrom(...'{}[]":,.-+0123456789eEtrufalsn \n\t\\/*\r\u0000\u2028\ufeffé😀'.split(''), '//', '/*', '*/', '\\u00', 'null', 'true', '"event"', '"payload"');

const format = fc.constantFrom<DocumentFormat>('json', 'jsonl');

export const arbitraryString: fc.Arbitrary<LintInput> = fc.record({
  text: fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(JSONISH, { maxLength: 120 }).map((parts) => parts.join(''))),
  format,
});

export const arbitraryJson: fc.Arbitrary<LintInput> = fc.record({
  text: fc.tuple(fc.jsonValue({ maxDepth: 6 }), fc.boolean()).map(([value, pretty]) => JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null'),
  format,
});

type Mutation = { kind: 'insert' | 'delete' | 'replace'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.nat(),
  text: fc.oneof(JSONISH, fc.string({ maxLength: 3 })),
});

function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const { kind, at, text: piece } of mutations) {
    const index = result.length === 0 ? 0 : at % result.length;
    if (kind === 'insert') result = result.slice(0, index) + piece + result.slice(index);
    else if (kind === 'delete') result = result.slice(0, index) + result.slice(index + 1 + (at % 3));
    else result = result.slice(0, index) + piece + result.slice(index + piece.length);
  }
  return result;
}

/** Real samples with a few characters inserted, deleted or replaced; JSONL inputs join several. */
export const arbitraryMutatedSample: fc.Arbitrary<LintInput> = fc
  .record({
    samples: fc.array(fc.constantFrom(...SAMPLE_TEXTS), { minLength: 1, maxLength: 3 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
    format,
  })
  .map(({ samples, mutations, format: chosen }) => {
    const base = chosen === 'jsonl' ? samples.map((sample) => JSON.stringify(JSON.parse(sample))).join('\n') : samples[0];
    return { text: mutate(base, mutations), format: chosen };
  });

const OPTIONS: LintOptions = { now: () => 1714567891000, randomUuid: () => '9b2f6a1e-3c4d-4e5f-8a6b-7c8d9e0f1a2b' };

/**
 * Lints `input` and checks what must hold for any text: every issue lies inside the text, and
 * every fix applies cleanly and leaves a text that lints again. Throws (failing the property)
 * otherwise, or if linting throws.
 */
export function checkLintInvariants(input: LintInput): LintIssue[] {
  const issues = lintDocument(input.text, { ...OPTIONS, format: input.format });
  for (const issue of issues) {
    if (!(issue.offset >= 0 && issue.length >= 0 && issue.offset + issue.length <= input.text.length)) {
      throw new Error(`issue outside the text: ${JSON.stringify(issue)}`);
    }
    for (const fix of issue.fixes ?? []) {
      for (const edit of fix.edits) {
        if (edit.offset < 0 || edit.offset + edit.length > input.text.length) throw new Error(`edit outside the text: ${JSON.stringify(fix)}`);
      }
      lintDocument(applyEdits(input.text, fix.edits), { ...OPTIONS, format: input.format });
    }
  }
  return issues;
}
