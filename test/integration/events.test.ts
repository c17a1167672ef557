import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EVENT_NAMES, MESSAGE_DOCS } from '../../src/core/events';
import { eventually, sleep } from './explorerHelpers';

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is not open');
  return vscode.Uri.joinPath(folder.uri, 'fixtures', name);
}

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}



/** What the JSON language service reports from the schema; the extension's own linter (source `postal`) is tested elsewhere. */
function schemaDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source !== 'postal');
}

/** The schema diagnostics of `uri` once they have not changed for `quietMs`. */
async function settledDiagnostics(uri: vscode.Uri, quietMs = 2000): Promise<vscode.Diagnostic[]> {
  let last = JSON.stringify(schemaDiagnostics(uri));
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    await sleep(100);
    const now = JSON.stringify(schemaDiagnostics(uri));
    if (now !== last) [last, quietSince] = [now, Date.now()];
  }
  return schemaDiagnostics(uri);
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** The position just inside the first occurrence of `text` (e.g. a quoted key). */
function positionOf(document: vscode.TextDocument, text: string): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} not found in ${document.uri.path}`);
  return document.positionAt(offset + 1);
}

describe('Postal JSON Schema in VS Code', () => {
  it('opens *.postal.json files as JSON and explains a field on hover', async () => {
    const document = await open(fixture('MessageSent.postal.json'));
    assert.equal(document.languageId, 'json');
    const text = await eventually('a hover from the Postal schema', async () => {
      const hover = await hoverText(document.uri, positionOf(document, '"direction"'));
      return hover.includes('mail it receives') ? hover : undefined;
    });
    assert.match(text, /`outgoing` for mail the server sends/);
    assert.ok(text.includes(MESSAGE_DOCS.direction.doc), text);
  });

  it('reports no problem in a valid MessageSent file', async () => {
    const document = await open(fixture('MessageSent.postal.json'));
    await eventually('the schema to be applied', async () =>
      (await hoverText(document.uri, positionOf(document, '"sent_with_ssl"'))).includes('TLS') ? true : undefined,
    );
    assert.deepEqual(await settledDiagnostics(document.uri), []);
  });

  it('reports the wrong enum value and the missing field of a broken file once each, from the linter, on their lines', async () => {
    const document = await open(fixture('broken.postal.json'));
    await eventually('diagnostics for broken.postal.json', async () =>
      vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'postal').length >= 2 ? true : undefined,
    );
    // The schema still drives hovers: once one shows, the JSON language service has the schema too.
    await eventually('the schema to be applied', async () => ((await hoverText(document.uri, positionOf(document, '"direction"'))).includes('mail it receives') ? true : undefined));
    assert.deepEqual(await settledDiagnostics(document.uri), [], 'the JSON language service repeats none of them');
    const found = vscode.languages.getDiagnostics(document.uri).map((diagnostic) => ({ line: diagnostic.range.start.line, message: diagnostic.message }));
    assert.equal(found.length, 2, JSON.stringify(found));
    const direction = found.find((entry) => entry.line === positionOf(document, '"direction"').line);
    assert.match(direction?.message ?? '', /must be "outgoing" or "incoming", got "outbound"/);
    const missing = found.find((entry) => entry.line === positionOf(document, '"payload"').line);
    assert.match(missing?.message ?? '', /sent_with_ssl is missing/);
  });

  it('suggests the ten Postal events for the event name, and reports an unknown one once', async () => {
    const uri = fixture('unknown-event.postal.json');
    const text = JSON.stringify({ event: 'MessageDelivered', timestamp: 1714567891.5, payload: {}, uuid: '8a3f0c6e-2d4b-4f1a-9c7e-5b6d8e0f1a2b' });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const document = await open(uri);
    const labels = await eventually('the events suggested', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, positionOf(document, 'MessageDelivered'));
      const found = (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return EVENT_NAMES.every((event) => found.some((label) => label.includes(event))) ? found : undefined;
    });
    assert.ok(labels.length >= EVENT_NAMES.length);
    await eventually('the unknown event reported', async () => (vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.source === 'postal') ? true : undefined));
    const all = vscode.languages.getDiagnostics(uri);
    assert.equal(all.length, 1, JSON.stringify(all.map((diagnostic) => diagnostic.message)));
    assert.match(all[0].message, /"MessageDelivered" is not an event Postal sends\. Did you mean MessageSent\?/);
  });

  it('offers one snippet per event in an empty *.postal.json file', async () => {
    const uri = fixture('new.postal.json');
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    const document = await open(uri);
    const labels = await eventually('snippet completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(0, 0),
      );
      const found = (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return EVENT_NAMES.every((event) => found.includes(event)) ? found : undefined;
    });
    for (const event of EVENT_NAMES) assert.ok(labels.includes(event), event);
  });
});
