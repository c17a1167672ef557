import { randomUUID } from 'node:crypto';
import { shiftEdits } from './edits';
import { lintJson, type ResolvedLintOptions } from './lintJson';
import { type LintRule } from './rule';
import { type LintIssue, type LintOptions } from './types';

/**
 * Lints a webhook document: one JSON body, or (format `jsonl`) one body per line, each line
 * linted on its own with offsets mapped back to the whole text. Pure: no editor, no I/O.
 */
export function lintDocument(text: string, options: LintOptions = {}): LintIssue[] {
  const resolved = resolveOptions(options);
  if (options.format !== 'jsonl') return lintJson(text, resolved);
  const issues: LintIssue[] = [];
  for (const line of jsonlLines(text)) issues.push(...lintLine(line, resolved));
  return issues;
}

export interface IncrementalControl {
  /** Checked between slices; returning true abandons the run (the text changed meanwhile). */
  isCancelled?(): boolean;
  /** Longest stretch of work between two yields to the event loop, in milliseconds. */
  sliceMs?: number;
}

/**
 * Like `lintDocument`, but a JSONL document is linted in slices with a yield to the event loop
 * between them, so a large file never stalls the editor. Resolves to undefined if cancelled.
 */
export async function lintDocumentIncrementally(text: string, options: LintOptions, control: IncrementalControl = {}): Promise<LintIssue[] | undefined> {
  if (options.format !== 'jsonl') return lintDocument(text, options);
  const resolved = resolveOptions(options);
  const sliceMs = control.sliceMs ?? 15;
  const issues: LintIssue[] = [];
  let sliceStart = Date.now();
  for (const line of jsonlLines(text)) {
    issues.push(...lintLine(line, resolved));
    if (Date.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      if (control.isCancelled?.()) return undefined;
      sliceStart = Date.now();
    }
  }
  return control.isCancelled?.() ? undefined : issues;
}

export interface JsonlLine {
  /** Offset of the line's first character in the document. */
  offset: number;
  /** The line without its line break (and without a `\r` before it). */
  text: string;
}

/** The non-blank lines of a JSONL document. */
export function* jsonlLines(text: string): Generator<JsonlLine> {
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const contentEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    const line = text.slice(start, contentEnd);
    if (line.trim() !== '') yield { offset: start, text: line };
    if (newline === -1) return;
    start = newline + 1;
  }
}

function lintLine(line: JsonlLine, options: ResolvedLintOptions): LintIssue[] {
  const issues = lintJson(line.text, options);
  if (line.offset === 0) return issues;
  return issues.map((issue) => ({
    ...issue,
    offset: issue.offset + line.offset,
    ...(issue.fixes ? { fixes: issue.fixes.map((fix) => ({ ...fix, edits: shiftEdits(fix.edits, line.offset) })) } : {}),
  }));
}

export function resolveOptions(options: LintOptions): ResolvedLintOptions {
  const overrides = options.rules ?? {};
  return {
    severityOf: (rule: LintRule) => (Object.hasOwn(overrides, rule.id) ? overrides[rule.id] : undefined) ?? rule.defaultSeverity,
    now: options.now ?? Date.now,
    randomUuid: options.randomUuid ?? randomUUID,
  };
}
