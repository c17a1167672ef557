import * as vscode from 'vscode';
import { componentLogger, type Logger } from '../../core/logger';
import { LintCodeActionProvider } from '../codeActions/lintCodeActions';
import { LintController } from './lintController';
import { LINT_SECTION } from './lintSettings';
import { LINTED_SCHEMES } from './lintTarget';

/**
 * Wires linting into the editor: a diagnostics collection, document listeners, settings
 * changes and the quick-fix provider. Returns the controller so tests can observe it.
 */
export function registerLinting(context: vscode.ExtensionContext, log: Logger): LintController {
  const collection = vscode.languages.createDiagnosticCollection('postal');
  const controller = new LintController(collection, componentLogger(log, 'lint'));
  context.subscriptions.push(
    collection,
    controller,
    vscode.workspace.onDidOpenTextDocument((document) => controller.schedule(document, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) controller.schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => controller.forget(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(LINT_SECTION) || event.affectsConfiguration('json.validate.enable')) controller.relintAll();
    }),
    vscode.languages.registerCodeActionsProvider(LINTED_SCHEMES.map((scheme) => ({ scheme })), new LintCodeActionProvider(controller), {
      providedCodeActionKinds: LintCodeActionProvider.providedCodeActionKinds,
    }),
  );
  for (const document of vscode.workspace.textDocuments) controller.schedule(document, 0);
  return controller;
}
