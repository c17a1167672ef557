import { applyEdits } from './edits';
import { lintDocument } from './lintDocument';
import { type LintFix, type LintIssue, type LintOptions, type TextEdit } from './types';

/**
 * Fixes that change the shape of the text go first: after a syntax or duplicate-key fix the
 * other rules see a different document, and inserting missing fields comes last so a renamed
 * key is not inserted a second time.
 */
const PHASE_BY_RULE: Record<string, number> = {
  'postal/json-syntax': 0,
  'postal/duplicate-key': 1,
  'postal/bare-payload': 1,
  'postal/schema': 3,
};
const DEFAULT_PHASE = 2;
const MAX_PASSES = 50;

export interface FixAllResult {
  text: string;
  /** How many fixes were applied, over all passes. */
  applied: number;
}

/**
 * Applies every preferred fix, pass after pass (each pass re-lints), until nothing fixable is
 * left. One pass applies only fixes that do not touch each other, so none undoes another.
 */
export function fixAll(text: string, options: LintOptions = {}): FixAllResult {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const chosen = chooseFixes(lintDocument(current, options));
    if (chosen.length === 0) break;
    const next = applyEdits(current, chosen.flatMap((fix) => fix.edits));
    if (next === current) break;
    current = next;
    applied += chosen.length;
  }
  return { text: current, applied };
}

/** `fixAll` as one edit replacing only the changed stretch of the text; undefined if nothing changes. */
export function fixAllEdit(text: string, options: LintOptions = {}): TextEdit | undefined {
  const fixed = fixAll(text, options).text;
  if (fixed === text) return undefined;
  let start = 0;
  while (start < text.length && start < fixed.length && text[start] === fixed[start]) start++;
  let end = 0;
  while (end < text.length - start && end < fixed.length - start && text[text.length - 1 - end] === fixed[fixed.length - 1 - end]) end++;
  return { offset: start, length: text.length - start - end, newText: fixed.slice(start, fixed.length - end) };
}

export function preferredFix(issue: LintIssue): LintFix | undefined {
  return issue.fixes?.find((fix) => fix.preferred);
}

function chooseFixes(issues: readonly LintIssue[]): LintFix[] {
  const candidates = issues
    .map((issue) => ({ fix: preferredFix(issue), phase: PHASE_BY_RULE[issue.rule] ?? DEFAULT_PHASE }))
    .filter((candidate): candidate is { fix: LintFix; phase: number } => candidate.fix !== undefined && candidate.fix.edits.length > 0);
  if (candidates.length === 0) return [];
  const phase = candidates.reduce((lowest, candidate) => Math.min(lowest, candidate.phase), Infinity);
  const spans = candidates
    .filter((candidate) => candidate.phase === phase)
    .map(({ fix }) => ({ fix, start: Math.min(...fix.edits.map((edit) => edit.offset)), end: Math.max(...fix.edits.map((edit) => edit.offset + edit.length)) }))
    .sort((a, b) => a.start - b.start);
  const chosen: LintFix[] = [];
  let takenEnd = -1;
  for (const span of spans) {
    // Strictly after the last one taken: fixes that touch (two inserts at one offset, say) wait a pass.
    if (span.start <= takenEnd) continue;
    chosen.push(span.fix);
    takenEnd = span.end;
  }
  return chosen;
}
