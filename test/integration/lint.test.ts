import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runCli } from '../../src/cli/main';

const EXTENSION_ID = 'postal-webhooks.postal-webhooks';

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is not open');
  return vscode.Uri.joinPath(folder.uri, 'lint', name);
}

function postalDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'postal');
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}

/** Polls until `check` returns something truthy (lint runs are debounced and asynchronous). */
async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Code actions for `range`, retried until one is titled `title`: right after a file opens the
 * JSON language server's provider can still cancel the request, and VS Code fails it whole.
 */
async function codeActionTitled(uri: vscode.Uri, range: vscode.Range, kind: string, title: string): Promise<{ action: vscode.CodeAction; all: vscode.CodeAction[] }> {
  const deadline = Date.now() + 10_000;
  let seen: string[] = [];
  for (;;) {
    try {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind, 1);
      const action = all.find((candidate) => candidate.title === title);
      if (action) return { action, all };
      seen = all.map((candidate) => candidate.title);
    } catch (error) {
      if (!String(error).includes('Canceled')) throw error;
    }
    if (Date.now() > deadline) throw new Error(`no code action "${title}" (saw: ${seen.join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function lineOf(document: vscode.TextDocument, needle: string): number {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in ${document.uri.path}`);
  return document.positionAt(offset).line;
}

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixture(name));
  await vscode.window.showTextDocument(document);
  return document;
}

describe('linting in VS Code', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  after(async () => {
    // The fixes edited documents without saving; revert them so closing asks nothing.
    for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows Postal diagnostics at the right lines of a broken .postal.json', async () => {
    const document = await open('broken.postal.json');
    const diagnostics = await waitFor('postal diagnostics', () => postalDiagnostics(document.uri).length >= 2 && postalDiagnostics(document.uri));
    const found = diagnostics.map((diagnostic) => [codeOf(diagnostic), diagnostic.range.start.line]).sort();
    assert.deepEqual(found, [
      ['postal/timestamp-milliseconds', lineOf(document, '1714567891533')],
      ['postal/unknown-event', lineOf(document, '"MessageDelivered"')],
    ]);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error));
  });

  it('leaves syntax errors to the JSON language service, once, and attaches its quick fix to them', async () => {
    const document = await open('broken.postal.json');
    const trailingComma = await waitFor('the JSON service to flag the trailing comma', () =>
      vscode.languages.getDiagnostics(document.uri).find((diagnostic) => diagnostic.source === 'json' && diagnostic.range.start.line === lineOf(document, '"time": 0.42,')),
      30_000,
    );
    assert.ok(!postalDiagnostics(document.uri).some((diagnostic) => codeOf(diagnostic) === 'postal/json-syntax'));
    const { action } = await codeActionTitled(document.uri, trailingComma.range, vscode.CodeActionKind.QuickFix.value, 'Remove the trailing comma');
    assert.ok(action.edit && (await vscode.workspace.applyEdit(action.edit)));
    assert.ok(document.getText().includes('"time": 0.42\n'));
  });

  it('offers the did-you-mean quick fix, applies it, and the diagnostic goes away', async () => {
    const document = await open('broken.postal.json');
    const diagnostic = await waitFor('unknown-event', () => postalDiagnostics(document.uri).find((found) => codeOf(found) === 'postal/unknown-event'));
    const { action: rename, all } = await codeActionTitled(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 'Change the event to MessageSent');
    assert.ok(rename.edit, 'the rename has no edit');
    assert.equal(rename.isPreferred, true);
    assert.ok(all.some((action) => action.title === 'Fix all Postal problems in file'));
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    await waitFor('unknown-event to clear', () => !postalDiagnostics(document.uri).some((found) => codeOf(found) === 'postal/unknown-event'));
    assert.ok(document.getText().includes('"event": "MessageSent"'));
  });

  it('fixes everything with the source.fixAll.postal action', async () => {
    const document = await open('broken.postal.json');
    await waitFor('diagnostics', () => postalDiagnostics(document.uri).length > 0);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const { action: fixAll } = await codeActionTitled(document.uri, whole, 'source.fixAll.postal', 'Fix all Postal problems in file');
    assert.ok(fixAll.edit, 'the fix-all action has no edit');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    await waitFor('every postal diagnostic to clear', () => postalDiagnostics(document.uri).length === 0);
    assert.doesNotThrow(() => JSON.parse(document.getText()));
  });

  it('lints a plain .json whose root is a webhook body, and stops when auto-detection is off', async () => {
    const document = await open('captured.json');
    assert.equal(document.languageId, 'json');
    const diagnostic = await waitFor('dns-status-error', () => postalDiagnostics(document.uri).find((found) => codeOf(found) === 'postal/dns-status-error'));
    assert.equal(diagnostic.range.start.line, lineOf(document, '"No SPF record exists for this domain"'));
    const unknownKey = postalDiagnostics(document.uri).find((found) => codeOf(found) === 'postal/unknown-key');
    assert.equal(unknownKey && document.getText(unknownKey.range), '"region"');
    assert.deepEqual(unknownKey?.tags, [vscode.DiagnosticTag.Unnecessary]);
    assert.equal(unknownKey?.severity, vscode.DiagnosticSeverity.Warning);
    const settings = vscode.workspace.getConfiguration('postalWebhooks.lint');
    await settings.update('autoDetect', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('diagnostics to clear', () => postalDiagnostics(document.uri).length === 0);
    } finally {
      await settings.update('autoDetect', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('diagnostics to return', () => postalDiagnostics(document.uri).length > 0);
  });

  it('lints files the include globs name, with auto-detection off', async () => {
    const settings = vscode.workspace.getConfiguration('postalWebhooks.lint');
    await settings.update('autoDetect', false, vscode.ConfigurationTarget.Workspace);
    try {
      const document = await open('captured.json');
      await waitFor('diagnostics to clear', () => postalDiagnostics(document.uri).length === 0);
      await settings.update('include', ['lint/capt*.json'], vscode.ConfigurationTarget.Workspace);
      await waitFor('the included file to be linted', () => postalDiagnostics(document.uri).length > 0);
    } finally {
      await settings.update('include', undefined, vscode.ConfigurationTarget.Workspace);
      await settings.update('autoDetect', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('lints a .postal.jsonl line by line as JSON Lines', async () => {
    const document = await open('events.postal.jsonl');
    assert.equal(document.languageId, 'jsonl');
    const diagnostics = await waitFor('status-mismatch', () => postalDiagnostics(document.uri).length > 0 && postalDiagnostics(document.uri));
    assert.deepEqual(diagnostics.map((diagnostic) => [codeOf(diagnostic), diagnostic.range.start.line]), [['postal/status-mismatch', 2]]);
    assert.equal(document.getText(diagnostics[0].range), '"Sent"');
  });

  it('lints an untitled JSON document pasted from a log, and clears it when closed', async () => {
    const text = JSON.stringify({ event: 'MessageLoaded', timestamp: 1714567891.5, payload: { message: {}, ip_address: '203.0.113.7', user_agent: null, referrer: 'x' }, uuid: 'nope' });
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitFor('diagnostics', () => postalDiagnostics(document.uri).length > 0 && postalDiagnostics(document.uri));
    assert.ok(diagnostics.some((diagnostic) => codeOf(diagnostic) === 'postal/invalid-uuid'));
    assert.ok(diagnostics.some((diagnostic) => codeOf(diagnostic) === 'postal/unknown-key'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('diagnostics to be cleared', () => postalDiagnostics(document.uri).length === 0);
  });

  it('reports each problem once, at the severity the CLI gives it, and still completes and explains the fields', async () => {
    const document = await open('twice.postal.json');
    const repeated = lineOf(document, '"time": 0.42');
    // The JSON language service's repeated-key warning says it has validated the file, with our schema.
    await waitFor('the JSON service to check the file', () => vscode.languages.getDiagnostics(document.uri).some((diagnostic) => diagnostic.source === 'json' && diagnostic.range.start.line === repeated), 30_000);
    await waitFor('postal diagnostics', () => postalDiagnostics(document.uri).length >= 2);
    const all = vscode.languages.getDiagnostics(document.uri);
    // VS Code's own repeated-key warning marks both keys; ours is held back in the editor.
    const shown = all.map((diagnostic) => `${diagnostic.range.start.line} ${diagnostic.source}`).sort();
    const expected = [`${lineOf(document, 'MessageDelivered')} postal`, `${repeated} json`, `${repeated + 1} json`, `${lineOf(document, 'not-a-uuid')} postal`];
    assert.deepEqual(shown, expected.sort(), JSON.stringify(all.map((diagnostic) => diagnostic.message)));

    const lines: string[] = [];
    const code = await runCli(['lint', document.uri.fsPath, '--format', 'json'], { out: (text) => lines.push(text), err: (text) => lines.push(text), color: false });
    assert.equal(code, 1, lines.join('\n'));
    const report = JSON.parse(lines.join('')) as { files: { diagnostics: { rule: string; severity: string; line: number }[] }[] };
    const severities: Record<number, string> = { [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning', [vscode.DiagnosticSeverity.Information]: 'info', [vscode.DiagnosticSeverity.Hint]: 'hint' };
    const inEditor = new Map(all.map((diagnostic) => [diagnostic.range.start.line + 1, severities[diagnostic.severity]]));
    const cli = report.files[0].diagnostics;
    assert.deepEqual(cli.map((diagnostic) => diagnostic.rule).sort(), ['postal/duplicate-key', 'postal/invalid-uuid', 'postal/unknown-event']);
    for (const diagnostic of cli) assert.equal(diagnostic.severity, inEditor.get(diagnostic.line), `${diagnostic.rule} at line ${diagnostic.line}`);

    const eventValue = document.positionAt(document.getText().indexOf('MessageDelivered'));
    const completion = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, eventValue);
    const labels = completion.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.some((label) => label.includes('MessageBounced')), labels.join(', '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(document.getText().indexOf('"uuid"') + 2));
    const hoverText = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(hoverText, /same on every retry/);
  });

  it('follows severity settings: a rule turned off disappears', async () => {
    const document = await open('events.postal.jsonl');
    await waitFor('diagnostics', () => postalDiagnostics(document.uri).length > 0);
    const settings = vscode.workspace.getConfiguration('postalWebhooks.lint');
    await settings.update('rules', { 'postal/status-mismatch': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the rule to go quiet', () => postalDiagnostics(document.uri).length === 0);
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
