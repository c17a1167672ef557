import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { rawExchange } from '../unit/helpers/listenerHarness';
import { allRows, configure, eventually, freePort, treeSnapshot } from './explorerHelpers';

const REPO = join(__dirname, '../../..');
const SAMPLE = join(REPO, 'test/fixtures/postal-samples/inbound');

function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is not open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

function diagnosticsFrom(uri: vscode.Uri, source: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === source);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}

function positionOf(document: vscode.TextDocument, text: string): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} not in ${document.uri.path}`);
  return document.positionAt(offset + 1);
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

describe('inbound e-mail in VS Code', function () {
  this.timeout(90_000);

  before(async () => {
    await vscode.extensions.getExtension('postal-webhooks.postal-webhooks')?.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await configure({ 'postalWebhooks.signature.publicKey': undefined, 'postalWebhooks.listener.port': undefined, 'postalWebhooks.listener.allowedHosts': undefined });
    for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("lints an endpoint payload file with the inbound rules, and a quick fix makes size the string Postal sends", async () => {
    const uri = workspaceFile('inbound', 'support.postal.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const found = await eventually('the inbound diagnostics', async () => {
      const diagnostics = diagnosticsFrom(uri, 'postal');
      return diagnostics.length >= 3 ? diagnostics : undefined;
    });
    assert.deepEqual(found.map((diagnostic) => [codeOf(diagnostic), diagnostic.range.start.line]).sort(), [
      ['postal/inbound-message-id', positionOf(document, '"<CAF1234').line],
      ['postal/inbound-types', positionOf(document, '"size"').line],
      ['postal/inbound-types', positionOf(document, '"received_with_ssl"').line],
    ].sort());
    const size = found.find((diagnostic) => diagnostic.range.start.line === positionOf(document, '"size"').line);
    assert.ok(size);
    const actions = await eventually('the quick fix', async () => {
      // Right after a file opens the JSON language server can cancel the request; ask again.
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, size.range, vscode.CodeActionKind.QuickFix.value).then(
        (result) => result,
        (error: unknown) => (String(error).includes('Canceled') ? [] : Promise.reject(error)),
      );
      return all.some((action) => action.title.startsWith('Make it the string "1282"')) ? all : undefined;
    });
    const fix = actions.find((action) => action.title.startsWith('Make it the string "1282"'));
    assert.ok(fix?.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.ok(document.getText().includes('"size": "1282"'));
    await eventually('the size diagnostic to clear', async () => (diagnosticsFrom(uri, 'postal').length === 2 ? true : undefined));
  });

  it("explains inbound fields on hover from the JSON Schema, and leaves a valid RawMessage free of VS Code's schema errors", async () => {
    const hash = await vscode.workspace.openTextDocument(workspaceFile('inbound', 'support.postal.json'));
    const hover = await eventually('a hover on received_with_ssl', async () => {
      const text = await hoverText(hash.uri, positionOf(hash, '"received_with_ssl"'));
      return text.includes('never `false`') ? text : undefined;
    });
    assert.match(hover, /STARTTLS/);
    const raw = workspaceFile('inbound', 'raw.postal.json');
    const rawDocument = await vscode.workspace.openTextDocument(raw);
    await vscode.window.showTextDocument(rawDocument);
    const rawHover = await eventually('a hover on size', async () => {
      const text = await hoverText(raw, positionOf(rawDocument, '"size"'));
      return text.includes('**integer**') ? text : undefined;
    });
    assert.match(rawHover, /a string in the Hash format/);
    // No diagnostics proves nothing until the document was judged: break it, see it reported,
    // mend it, and the list must empty again (from both our linter and VS Code's JSON service).
    const shown = (): string[] => vscode.languages.getDiagnostics(raw).map((diagnostic) => `${diagnostic.source}: ${diagnostic.message}`);
    const valueAt = rawDocument.getText().indexOf('"base64": true') + '"base64": '.length;
    const value = new vscode.Range(rawDocument.positionAt(valueAt), rawDocument.positionAt(valueAt + 'true'.length));
    assert.ok(await replaceText(raw, value, 'false'));
    await eventually('base64: false to be reported', async () => (shown().some((line) => line.startsWith('postal')) ? true : undefined));
    assert.ok(await replaceText(raw, new vscode.Range(value.start, value.start.translate(0, 'false'.length)), 'true'));
    await eventually('the mended RawMessage to show no diagnostics', async () => (shown().length === 0 ? true : undefined)).catch((error: unknown) => {
      throw new Error(`${String(error)}; still shown: ${shown().join('; ')}`);
    });
    await rawDocument.save();
  });

  it("records Postal's own request, sent byte for byte to the listener, as inbound e-mail with a valid signature", async () => {
    const port = await freePort();
    // The request names the port Postal sent it to (Host: 127.0.0.1:35741), which lets it in.
    await configure({
      'postalWebhooks.listener.port': port,
      'postalWebhooks.listener.allowedHosts': ['127.0.0.1:35741'],
      'postalWebhooks.signature.publicKey': readFileSync(join(SAMPLE, 'signing-public-key.pem'), 'utf8'),
    });
    await vscode.commands.executeCommand(`${VIEW.events}.focus`);
    const started = await vscode.commands.executeCommand<{ ok: boolean }>(COMMAND.startListener);
    assert.equal(started?.ok, true);
    const answer = await rawExchange(port, readFileSync(join(SAMPLE, 'hash-json.request.http')));
    assert.match(answer, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(answer, /"signature":"valid","schema":"valid"/);
    const row = await eventually('the inbound row', async () => allRows(await treeSnapshot()).find((candidate) => candidate.tooltip?.includes("Matches Postal's inbound e-mail format") === true));
    assert.match(row.contextValue ?? '', /^postalRecord;inbound;sig-valid/);
    assert.match(row.tooltip ?? '', /Postal marks the mail \*\*Sent\*\*/);
  });
});

async function replaceText(uri: vscode.Uri, range: vscode.Range, text: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, text);
  return vscode.workspace.applyEdit(edit);
}
