/**
 * The shapes the linter hands out. Positions are UTF-16 offsets into the text that was linted,
 * so the editor and the CLI can each turn them into their own line/column form.
 */

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** What a user may set per rule: a severity, or `off` to silence it. */
export type SeveritySetting = Severity | 'off';

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return value === 'off' || (SEVERITIES as readonly unknown[]).includes(value);
}

/** Replace `length` characters at `offset` with `newText` (an insert when length is 0). */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface LintFix {
  title: string;
  /** Non-overlapping edits against the linted text, applied together. */
  edits: TextEdit[];
  /** The obvious fix for its problem: the editor's auto-fix and "fix all" pick it. */
  preferred?: boolean;
}

/** Extra meaning an editor can show: `unnecessary` greys the text out. */
export type IssueTag = 'unnecessary';

export interface LintIssue {
  rule: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  fixes?: LintFix[];
  tags?: IssueTag[];
}

/** `json`: one webhook body. `jsonl`: one body per line, blank lines allowed. */
export type DocumentFormat = 'json' | 'jsonl';

export interface LintOptions {
  format?: DocumentFormat;
  /** Severity overrides by rule id; rules not named keep their default. */
  rules?: Readonly<Record<string, SeveritySetting | undefined>>;
  /** Milliseconds since the epoch, for fixes that stamp a time (wrapping a bare payload). */
  now?: () => number;
  /** A fresh v4 UUID, for fixes that need one. */
  randomUuid?: () => string;
}

/** A JSON path from the document root: property names and array indexes. */
export type { JsonPath } from '../jsonValue';

export interface TextRange {
  offset: number;
  length: number;
}
