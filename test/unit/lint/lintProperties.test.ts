import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { arbitraryJson, arbitraryMutatedSample, arbitraryString, checkLintInvariants, type LintInput, SAMPLE_TEXTS } from './lintArbitraries';

/**
 * A hang detector, not a speed claim (the benchmark measures speed): no input of these sizes
 * comes anywhere near it unless something loops or backtracks badly.
 */
const BUDGET_MS = 2000;

function holds(input: LintInput): boolean {
  const started = performance.now();
  checkLintInvariants(input);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < BUDGET_MS, `took ${elapsed.toFixed(0)} ms`);
  return true;
}

describe('lintDocument properties', () => {
  it('never throws and keeps every issue and fix inside the text, for arbitrary strings', () => {
    fc.assert(fc.property(arbitraryString, holds), { numRuns: 300 });
  });

  it('does the same for arbitrary JSON values, pretty or compact', () => {
    fc.assert(fc.property(arbitraryJson, holds), { numRuns: 200 });
  });

  it('does the same for real samples with characters inserted, deleted or replaced', () => {
    fc.assert(fc.property(arbitraryMutatedSample, holds), { numRuns: 300 });
  });

  it('keeps the bare-payload fix inside a text that ends in an unclosed comment (a case it found)', () => {
    const text = '{\n  "message": {"id": 13479, "token": "cEvdeKQiMFsdx2Uq"},\n  "status": "Sent",\n  "details": "x",\n  "output": "250 Ok",\n  "sent_with_ssl": false,\n  "timestamp": 1714567891.6,\n  "time": 1.36/*';
    const issues = checkLintInvariants({ text, format: 'json' });
    assert.ok(issues.some((issue) => issue.rule === 'postal/bare-payload' && (issue.fixes ?? []).length > 0), 'the wrap fix is offered');
  });

  it('finds nothing in any sample but the bare payloads it was given on purpose', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLE_TEXTS), (text) => {
        const issues = checkLintInvariants({ text, format: 'json' });
        return issues.every((issue) => issue.rule === 'postal/bare-payload');
      }),
      { numRuns: 50 },
    );
  });
});
