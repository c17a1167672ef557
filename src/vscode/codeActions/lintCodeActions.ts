import * as vscode from 'vscode';
import { fixAllEdit, type LintFix, type LintOptions, type TextEdit } from '../../core/lint';
import { type LintController } from '../diagnostics/lintController';
import { DIAGNOSTIC_SOURCE, isDiagnosticOf } from '../diagnostics/toDiagnostic';

/** `source.fixAll.postal`: also what `editor.codeActionsOnSave` names to fix on save. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('postal');
export const FIX_ALL_TITLE = 'Fix all Postal problems in file';

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
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    for (const diagnostic of ours) {
      const issue = result.issues.find((candidate) => isDiagnosticOf(document, diagnostic, candidate));
      for (const fix of issue?.fixes ?? []) actions.push(quickFix(document, diagnostic, fix));
    }
    if (actions.length > 0 && fixable > 1) actions.push(new FixAllAction(document, result.options, vscode.CodeActionKind.QuickFix));
    return actions;
  }

  /** Fixing everything re-lints the file several times, so it is only done when chosen. */
  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (action instanceof FixAllAction && !action.edit) {
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
