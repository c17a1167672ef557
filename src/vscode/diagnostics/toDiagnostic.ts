import * as vscode from 'vscode';
import { type LintIssue, type Severity } from '../../core/lint';

/** Every diagnostic we publish carries this source, so ours can be told from the JSON service's. */
export const DIAGNOSTIC_SOURCE = 'postal';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: vscode.TextDocument, issue: LintIssue): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(issue.offset), document.positionAt(issue.offset + issue.length));
  const diagnostic = new vscode.Diagnostic(range, issue.message, SEVERITY[issue.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = issue.rule;
  if (issue.tags?.includes('unnecessary')) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** Whether a diagnostic VS Code hands back (a copy, not our object) stands for `issue`. */
export function isDiagnosticOf(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, issue: LintIssue): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return (
    code === issue.rule &&
    diagnostic.message === issue.message &&
    document.offsetAt(diagnostic.range.start) === issue.offset &&
    document.offsetAt(diagnostic.range.end) === issue.offset + issue.length
  );
}
