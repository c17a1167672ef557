import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND } from '../../src/vscode/commandIds';
import { UNDO_DELETE_COMMAND } from '../../src/vscode/tree/eventCommands';
import { allRows, configure, type Envelope, eventually, freePort, postLikePostal, recordIdOf, sample, treeSnapshot } from './explorerHelpers';
import { renderedPanel } from './webviewHelpers';
import { canReadWorkbench, clickInWebview } from './workbenchText';

/** The record ids of `envelopes`, once each is in the Events view. */
async function idsOf(envelopes: Envelope[]): Promise<string[]> {
  await vscode.commands.executeCommand(COMMAND.groupBy, 'time');
  return eventually('the requests in the view', async () => {
    const rows = allRows(await treeSnapshot(1));
    const ids = envelopes.map((envelope) => rows.find((row) => row.tooltip?.includes(envelope.uuid)));
    return ids.every((row) => row !== undefined) ? ids.map((row) => recordIdOf(row as NonNullable<typeof row>)) : undefined;
  });
}

describe('request inspector pages in VS Code', function () {
  this.timeout(60_000);
  let url: string;

  before(async () => {
    await vscode.extensions.getExtension('postal-webhooks.postal-webhooks')?.activate();
    await configure({ 'postalWebhooks.listener.port': await freePort(), 'postalWebhooks.signature.publicKey': undefined });
    const started = await vscode.commands.executeCommand<{ ok: boolean; url: string }>(COMMAND.startListener);
    assert.ok(started?.ok);
    url = started.url;
  });

  after(async () => {
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('draws every page opened in quick succession, those hidden while they loaded too, and the pages opened after them', async () => {
    const envelopes = [sample('MessageSent'), sample('MessageDelayed'), sample('MessageHeld')];
    for (const envelope of envelopes) await postLikePostal(url, JSON.stringify(envelope));
    const ids = await idsOf(envelopes);
    // Each one hides the one before while it is still loading.
    for (const id of ids) await vscode.commands.executeCommand(COMMAND.openRequest, id);
    // The last is drawn; the others are drawn as soon as they are shown again.
    for (const [index, id] of [...ids.entries()].reverse()) {
      await vscode.commands.executeCommand(COMMAND.openRequest, id);
      const panel = await renderedPanel('inspector', id);
      assert.match(panel.rendered.text, new RegExp(envelopes[index].event));
      assert.match(panel.rendered.text, /Signature\s+Unsigned/);
    }
    // A page hidden while it loads must not leave the next new page blank.
    await vscode.commands.executeCommand(COMMAND.showMessageTimeline, ids[0]);
    await renderedPanel('timeline');
  });

  it('shows a request that leaves the history as gone, and again when Undo brings it back', async () => {
    const envelope = sample('MessageBounced');
    await postLikePostal(url, JSON.stringify(envelope));
    const [id] = await idsOf([envelope]);
    await vscode.commands.executeCommand(COMMAND.openRequest, id);
    await renderedPanel('inspector', id, (report) => report.text.includes('MessageBounced'));
    assert.equal(await vscode.commands.executeCommand(COMMAND.deleteEvent, id), 1);
    await renderedPanel('inspector', id, (report) => report.text.includes('no longer in the history'));
    await vscode.commands.executeCommand(UNDO_DELETE_COMMAND);
    const back = await renderedPanel('inspector', id, (report) => report.text.includes('MessageBounced'));
    assert.equal(back.title, `MessageBounced ${envelope.uuid.slice(0, 8)}`);
  });

  it('acts on its buttons: a click in the page opens the message timeline and copies the request as curl', async function () {
    if (!canReadWorkbench) this.skip();
    const envelope = sample('MessageLinkClicked');
    await postLikePostal(url, JSON.stringify(envelope));
    const [id] = await idsOf([envelope]);
    await vscode.commands.executeCommand(COMMAND.openRequest, id);
    await renderedPanel('inspector', id);
    await configure({ 'postalWebhooks.replay.defaultTarget': 'http://127.0.0.1:3000/webhooks/postal' });
    try {
      await vscode.env.clipboard.writeText('');
      assert.equal(await clickInWebview('button[data-action="copyCurl"]'), true);
      const copied = await eventually('the curl command on the clipboard', async () => ((await vscode.env.clipboard.readText()).startsWith('# MessageLinkClicked') ? vscode.env.clipboard.readText() : undefined));
      assert.match(copied, /^curl -sS -i 'http:\/\/127\.0\.0\.1:3000\/webhooks\/postal'/m);
      assert.equal(await clickInWebview('button[data-action="timeline"]'), true);
      const timeline = await renderedPanel('timeline', undefined, (report) => report.text.includes('MessageLinkClicked'));
      assert.ok(timeline.active, 'the timeline is shown');
    } finally {
      await configure({ 'postalWebhooks.replay.defaultTarget': undefined });
    }
  });
});
