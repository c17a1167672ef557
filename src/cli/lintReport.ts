import { createLineIndex, type LintIssue, type Severity } from '../core/lint';
import { safeText } from '../core/safeText';

/** One diagnostic as the CLI prints it: 1-based lines and columns, end exclusive. */
export interface CliDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileReport {
  path: string;
  diagnostics: CliDiagnostic[];
}

export function toCliDiagnostics(text: string, issues: readonly LintIssue[]): CliDiagnostic[] {
  const positionAt = createLineIndex(text);
  return issues
    .map((issue) => {
      const start = positionAt(issue.offset);
      const end = positionAt(issue.offset + issue.length);
      return {
        rule: issue.rule,
        severity: issue.severity,
        message: issue.message,
        line: start.line + 1,
        column: start.column + 1,
        endLine: end.line + 1,
        endColumn: end.column + 1,
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(files: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) for (const diagnostic of file.diagnostics) counts[diagnostic.severity]++;
  return counts;
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };
const RESET = '\x1b[0m';

/**
 * `file:line:col severity rule message`, one per line, then a summary line. Messages quote the
 * file's own text, and file names are anyone's: both have their control characters escaped.
 */
export function formatText(files: readonly FileReport[], color: boolean): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const d of file.diagnostics) {
      const severity = color ? `${COLORS[d.severity]}${d.severity}${RESET}` : d.severity;
      lines.push(`${safeText(file.path)}:${d.line}:${d.column} ${severity} ${d.rule} ${safeText(d.message)}`);
    }
  }
  lines.push(summary(files));
  return lines.join('\n');
}

function summary(files: readonly FileReport[]): string {
  const counts = countSeverities(files);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const fileCount = `${files.length} file${files.length === 1 ? '' : 's'}`;
  if (total === 0) return `No problems in ${fileCount}.`;
  const parts = (Object.keys(counts) as Severity[]).filter((severity) => counts[severity] > 0).map((severity) => plural(counts[severity], severity));
  const affected = files.filter((file) => file.diagnostics.length > 0).length;
  return `${plural(total, 'problem')} (${parts.join(', ')}) in ${affected} of ${fileCount}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Exactly `{"files":[{"path","diagnostics":[...]}]}`. */
export function formatJson(files: readonly FileReport[]): string {
  return JSON.stringify({ files: files.map((file) => ({ path: file.path, diagnostics: file.diagnostics })) });
}
