import * as vscode from 'vscode';
import { type LintFix, type LintIssue, type LintOptions, type TextEdit } from '../../core/lint/types';
import { type LintController } from '../diagnostics/lintController';
import { DIAGNOSTIC_SOURCE, isDiagnosticOf } from '../diagnostics/toDiagnostic';

/** `source.fixAll.postal`: also what `editor.codeActionsOnSave` names to fix on save. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('postal');
export const FIX_ALL_TITLE = 'Fix all Postal problems in file';
/** The source VS Code's JSON language service puts on its diagnostics. */
const JSON_SERVICE_SOURCE = 'json';

/**
 * Offers each Postal diagnostic's fixes as quick fixes (the obvious one preferred), and a
 * "fix all" both in the quick-fix menu and as a source action.
 */
export class LintCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly controller: LintController) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.controller.resultFor(document);
    if (!result) return [];
    const fixable = result.issues.filter((issue) => issue.fixes?.some((fix) => fix.preferred)).length;
    if (context.only && FIX_ALL_KIND.intersects(context.only) && !vscode.CodeActionKind.QuickFix.contains(context.only)) {
      return fixable > 0 ? [new FixAllAction(document, result.options, FIX_ALL_KIND)] : [];
    }
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      for (const issue of issuesBehind(document, diagnostic, result.issues, result.hidden)) {
        for (const fix of issue.fixes ?? []) actions.push(quickFix(document, diagnostic, fix));
      }
    }
    if (actions.length > 0 && fixable > 1) actions.push(new FixAllAction(document, result.options, vscode.CodeActionKind.QuickFix));
    return actions;
  }

  /** Fixing everything re-lints the file several times, so it is only done when chosen. */
  async resolveCodeAction(action: vscode.CodeAction): Promise<vscode.CodeAction> {
    if (action instanceof FixAllAction && !action.edit) {
      const { fixAllEdit } = await import('../../core/lint/fixAll.js');
      const edit = fixAllEdit(action.document.getText(), action.options);
      action.edit = workspaceEdit(action.document, edit ? [edit] : []);
    }
    return action;
  }
}

class FixAllAction extends vscode.CodeAction {
  constructor(
    readonly document: vscode.TextDocument,
    readonly options: LintOptions,
    kind: vscode.CodeActionKind,
  ) {
    super(FIX_ALL_TITLE, kind);
  }
}

/**
 * The issues a diagnostic stands for: ours by identity, or, for the JSON language service's
 * diagnostic of a problem we held back (a trailing comma, say), the hidden issue at that spot.
 */
function issuesBehind(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, issues: readonly LintIssue[], hidden: ReadonlySet<LintIssue>): LintIssue[] {
  if (diagnostic.source === DIAGNOSTIC_SOURCE) return issues.filter((issue) => isDiagnosticOf(document, diagnostic, issue));
  if (hidden.size === 0 || diagnostic.source !== JSON_SERVICE_SOURCE) return [];
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return [...hidden].filter((issue) => issue.offset < Math.max(end, start + 1) && start < issue.offset + Math.max(issue.length, 1));
}

function quickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, fix: LintFix): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred === true;
  action.edit = workspaceEdit(document, fix.edits);
  return action;
}

function workspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of edits) {
    const range = new vscode.Range(document.positionAt(edit.offset), document.positionAt(edit.offset + edit.length));
    workspaceEdit.replace(document.uri, range, edit.newText);
  }
  return workspaceEdit;
}
