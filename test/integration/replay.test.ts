import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createListener, type WebhookListener } from '../../src/core/listener';
import { silentLogger } from '../../src/core/logger';
import { readPayloadFile } from '../../src/core/replay/payloadFile';
import { type SentItem } from '../../src/core/replay/sendReport';
import { parsePublicKey } from '../../src/core/signature';
import { createMemoryStore, type WebhookRecord } from '../../src/core/store';
import { COMMAND } from '../../src/vscode/commandIds';
import { configure, eventually, sleep } from './explorerHelpers';
import { renderedPanel } from './webviewHelpers';
import { canReadWorkbench, workbenchTexts } from './workbenchText';



/** Closes the untitled documents the commands opened, discarding them, so nothing asks to save. */
async function closeUntitled(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isUntitled)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** A real listener, as Postal's webhooks would reach it, verifying with the development key. */
async function startListener(publicPem: string): Promise<{ listener: WebhookListener; url: string; records: WebhookRecord[] }> {
  const parsed = parsePublicKey(publicPem);
  assert.ok(parsed.ok, 'the exported public key does not parse');
  const listener = createListener({ port: 0, publicKey: parsed.keySet }, { store: createMemoryStore(), logger: silentLogger });
  const started = await listener.start();
  assert.ok(started.ok, started.ok ? '' : started.error.message);
  const records: WebhookRecord[] = [];
  listener.onDidSettleRecord((record) => records.push(record));
  return { listener, url: started.address.url, records };
}

describe('snippets, test events and replay in VS Code', function () {
  this.timeout(60_000);
  let publicPem: string;
  let first: Awaited<ReturnType<typeof startListener>>;
  let second: Awaited<ReturnType<typeof startListener>>;
  let fileUri: vscode.Uri;

  before(async () => {
    await vscode.extensions.getExtension('postal-webhooks.postal-webhooks')?.activate();
    const exported = await vscode.commands.executeCommand<string>(COMMAND.exportDevelopmentPublicKey, 'pem', 'open');
    assert.match(exported ?? '', /BEGIN PUBLIC KEY/);
    publicPem = exported ?? '';
    await closeUntitled();
    first = await startListener(publicPem);
    second = await startListener(publicPem);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is not open');
    fileUri = vscode.Uri.joinPath(folder.uri, 'fixtures', `replay-${Date.now()}.postal.json`);
  });

  after(async () => {
    await first?.listener.stop();
    await second?.listener.stop();
    await closeUntitled();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (fileUri !== undefined) await vscode.workspace.fs.delete(fileUri).then(undefined, () => undefined);
  });

  it('inserts a payload snippet that the linter and the Postal schema find nothing wrong with', async () => {
    await vscode.workspace.fs.writeFile(fileUri, new Uint8Array());
    const document = await vscode.workspace.openTextDocument(fileUri);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'json', name: 'Postal MessageSent' });
    const text = await eventually('the snippet text', () => (document.getText().includes('"MessageSent"') ? document.getText() : undefined));
    assert.doesNotMatch(text, /\$\{|\$UUID|CURRENT_SECONDS_UNIX/, 'snippet syntax left in the document');
    const envelope = JSON.parse(text) as { uuid: string; timestamp: number };
    assert.ok(Math.abs(envelope.timestamp - Date.now() / 1000) < 120, 'the timestamp is not the current time');
    await document.save();
    // The JSON schema needs a moment to load; then the document must stay free of problems.
    await eventually('the Postal schema to apply', async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', fileUri, document.positionAt(text.indexOf('"direction"') + 1))) ?? [];
      return hovers.length > 0 ? true : undefined;
    });
    await sleep(1500);
    assert.deepEqual(vscode.languages.getDiagnostics(fileUri).map((diagnostic) => `${diagnostic.source ?? ''}: ${diagnostic.message}`), []);
    // The linter does look at this file: a misspelt event is reported, and the fix clears it.
    const editor = await vscode.window.showTextDocument(document);
    const at = text.indexOf('"MessageSent"') + 1;
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + 'MessageSent'.length)), 'MessageSnet'));
    await eventually('the linter to flag the misspelt event', () => (vscode.languages.getDiagnostics(fileUri).some((diagnostic) => diagnostic.source === 'postal') ? true : undefined));
    await vscode.commands.executeCommand('undo');
    await document.save();
    await eventually('the lint problem to clear', () => (vscode.languages.getDiagnostics(fileUri).some((diagnostic) => diagnostic.source === 'postal') ? undefined : true));
  });

  it('sends the active payload file, signed, and the listener verifies it', async () => {
    const items = await vscode.commands.executeCommand<SentItem[]>(COMMAND.sendTestEvent, { activeFile: true, target: first.url });
    assert.equal(items?.[0].attempts[0].response?.status, 200);
    const record = await eventually('the listener to receive the event', () => first.records[0]);
    assert.equal(record.event, 'MessageSent');
    assert.equal(record.signature.status, 'valid', record.signature.reason);
    const expected = readPayloadFile((await vscode.workspace.openTextDocument(fileUri)).getText(), fileUri.fsPath).payloads[0].body;
    assert.equal(record.body.data, expected.toString('utf8'));
  });

  it('sends a fresh sample of a picked event and variant without asking', async () => {
    const items = await vscode.commands.executeCommand<SentItem[]>(COMMAND.sendTestEvent, { event: 'MessageDeliveryFailed', variant: 'max-attempts', target: first.url });
    assert.equal(items?.length, 1);
    const record = await eventually('the sample to arrive', () => first.records.find((entry) => entry.event === 'MessageDeliveryFailed'));
    assert.equal(record.signature.status, 'valid');
    assert.equal(record.schema?.valid ?? true, true);
  });

  it('warns about a replay setting it cannot use, naming it, and sends with the default instead', async () => {
    await configure({ 'postalWebhooks.replay.timeoutMs': 5 });
    try {
      const items = await vscode.commands.executeCommand<SentItem[]>(COMMAND.sendTestEvent, { event: 'MessageSent', variant: 'default', target: first.url });
      assert.equal(items?.[0]?.attempts[0]?.response?.status, 200, 'sent with the default time limit');
      if (canReadWorkbench) {
        // Newer VS Code may keep toasts back; the notification list shows every notification.
        await vscode.commands.executeCommand('notifications.showList');
        await eventually('the warning about the setting', async () =>
          (await workbenchTexts('.notifications-center .notification-list-item-message')).find((text) => text.includes('postalWebhooks.replay.timeoutMs is 5: use a number from 100 to 120000 ms.')),
        );
      }
    } finally {
      await vscode.commands.executeCommand('notifications.hideList');
      await configure({ 'postalWebhooks.replay.timeoutMs': undefined });
    }
  });

  it('replays a captured request byte for byte to another listener', async () => {
    const captured = first.records[0];
    await vscode.commands.executeCommand(COMMAND.replayEvent, { record: captured }, undefined, { target: second.url });
    const replayed = await eventually('the replay to arrive', () => second.records[0]);
    assert.equal(replayed.body.data, captured.body.data);
    for (const name of ['user-agent', 'content-type', 'x-postal-signature-kid', 'x-postal-signature', 'x-postal-signature-256']) {
      assert.equal(replayed.headers.map[name], captured.headers.map[name], name);
    }
  });

  it('replays an edited copy re-encoded, signed again and with a new uuid, so the signature verifies and it is no repeat', async () => {
    const captured = first.records[0];
    const document = await vscode.commands.executeCommand<vscode.TextDocument>(COMMAND.replayWithEdits, captured);
    assert.ok(document);
    assert.ok(document.uri.path.endsWith(`Replay of MessageSent ${captured.uuid?.slice(0, 8)}.http`), document.uri.path);
    assert.match(document.getText(), /^POST http:\/\/\S+\nAccept-Encoding: /);
    const editor = await vscode.window.showTextDocument(document);
    const lenses = async (): Promise<string[]> => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? []).map((lens) => lens.command?.title ?? '');
    assert.ok((await lenses()).includes('Body as captured: its original signature stays valid.'), (await lenses()).join(' | '));
    const start = document.getText().indexOf('alice@example.net');
    assert.ok(start > 0);
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(start), document.positionAt(start + 'alice'.length)), 'carol'));
    const said = await eventually('the lens to say the signature is made again', async () => (await lenses()).find((title) => title.startsWith('Body edited: signed again with your development key (KID ')));
    assert.ok(said);
    const promised = (await lenses()).map((title) => /^New uuid ([0-9a-f]{8})… on send \(keep ([0-9a-f]{8})…\)$/.exec(title)).find((match) => match !== null);
    assert.ok(promised, (await lenses()).join(' | '));
    assert.equal(promised[2], captured.uuid?.slice(0, 8));
    await vscode.commands.executeCommand(COMMAND.sendEditedReplay, document.uri, { target: second.url });
    const edited = await eventually('the edited replay', () => second.records.find((record) => record.body.data.includes('carol@example.net')));
    assert.equal(edited.signature.status, 'valid');
    assert.equal(edited.uuid?.slice(0, 8), promised[1], 'it went out with the uuid the lens showed');
    assert.equal(edited.duplicate, false);
    // Asked to, it keeps the uuid: a deliberate repeat.
    await vscode.commands.executeCommand(COMMAND.sendEditedReplay, document.uri, { target: second.url, keepUuid: true });
    const repeat = await eventually('the repeat', () => second.records.find((record) => record.body.data.includes('carol@example.net') && record.uuid === captured.uuid));
    assert.equal(repeat.signature.status, 'valid');
    await closeUntitled();
  });

  it('replays with edited headers and URL path, the captured body and its signature untouched', async () => {
    const captured = first.records[0];
    const document = await vscode.commands.executeCommand<vscode.TextDocument>(COMMAND.replayWithEdits, captured);
    assert.ok(document);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => {
      edit.replace(document.lineAt(0).range, `POST ${second.url}edited/path?x=1`);
      edit.insert(new vscode.Position(1, 0), 'X-Debug: on\n');
    });
    await vscode.commands.executeCommand(COMMAND.sendEditedReplay, document.uri);
    const replayed = await eventually('the replay at the edited path', () => second.records.find((record) => record.path === '/edited/path?x=1'));
    assert.equal(replayed.headers.map['x-debug'], 'on');
    assert.equal(replayed.body.data, captured.body.data);
    assert.equal(replayed.headers.map['x-postal-signature-256'], captured.headers.map['x-postal-signature-256']);
    assert.equal(replayed.signature.status, 'valid');
    await closeUntitled();
  });

  it('sends the open payload file from its editor\'s title button, and shows the answer as a page', async () => {
    const before = first.records.length;
    await vscode.commands.executeCommand(COMMAND.sendPayloadFile, fileUri, { target: first.url });
    await eventually('the payload file to arrive', () => (first.records.length > before ? true : undefined));
    const page = await renderedPanel('answers', undefined, (report) => report.text.includes('Postal would count this as delivered.'));
    assert.match(page.title, /^Answer: MessageSent /);
    assert.deepEqual(page.rendered.sections.slice(0, 3), ['Answer', 'Response', 'Request sent']);
    assert.match(page.rendered.text, /X-Postal-Signature-256/);
  });

  it('exports a captured request as curl and as a REST Client request', async () => {
    const captured = first.records[0];
    const curl = await vscode.commands.executeCommand<string>(COMMAND.exportAsCurl, captured, undefined, { target: second.url });
    assert.match(curl ?? '', /^# MessageSent/);
    assert.match(curl ?? '', /-H 'X-Postal-Signature-256: /);
    const http = await vscode.commands.executeCommand<string>(COMMAND.exportAsHttpRequest, captured, undefined, { target: second.url });
    assert.ok((http ?? '').includes(`POST ${second.url} HTTP/1.1`), http);
    await closeUntitled();
  });
});
