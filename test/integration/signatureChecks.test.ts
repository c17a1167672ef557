import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type SentItem } from '../../src/core/replay/sendReport';
import { generateSigningKey, type SigningKeyPair, toDnsRecord } from '../../src/core/signature';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { allRows, configure, type Envelope, eventually, freePort, postLikePostal, rowOf, sample, treeSnapshot } from './explorerHelpers';

/** The row of `uuid` once `ready` says it shows what is expected. */
async function rowWhen(uuid: string, what: string, ready: (row: { description?: string; tooltip?: string }) => boolean) {
  return eventually(what, async () => {
    const rows = allRows(await treeSnapshot(3));
    const row = rows.some((candidate) => candidate.tooltip?.includes(uuid)) ? rowOf(rows, uuid) : undefined;
    return row !== undefined && ready(row) ? row : undefined;
  });
}

describe('signature checks of stored events in VS Code', function () {
  this.timeout(60_000);
  let postal: SigningKeyPair;
  let url: string;
  const early: Record<string, Envelope> = {};

  before(async () => {
    await vscode.extensions.getExtension('postal-webhooks.postal-webhooks')?.activate();
    postal = await generateSigningKey();
    await configure({ 'postalWebhooks.listener.port': await freePort(), 'postalWebhooks.signature.publicKey': undefined });
    await vscode.commands.executeCommand(`${VIEW.events}.focus`);
    await vscode.commands.executeCommand(COMMAND.groupBy, 'time');
    const started = await vscode.commands.executeCommand<{ ok: boolean; url: string }>(COMMAND.startListener);
    assert.equal(started?.ok, true);
    url = started.url;
  });

  after(async () => {
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await configure({ 'postalWebhooks.listener.port': undefined, 'postalWebhooks.signature.publicKey': undefined });
  });

  it('shows events received before the key was set as "not checked", unlike valid ones, then checks them once it is set', async () => {
    const other = await generateSigningKey();
    early.byPostal = sample('MessageSent');
    early.byOther = sample('MessageHeld');
    assert.equal(await postLikePostal(url, JSON.stringify(early.byPostal), { key: postal }), 200);
    assert.equal(await postLikePostal(url, JSON.stringify(early.byOther), { key: other }), 200);
    const unchecked = await rowWhen(early.byPostal.uuid, 'the unchecked row', () => true);
    assert.match(unchecked.description ?? '', /○ not checked/);
    assert.match(unchecked.tooltip ?? '', /Signature \*\*not checked\*\*/);

    await configure({ 'postalWebhooks.signature.publicKey': toDnsRecord(postal.publicKey) });
    const checked = await rowWhen(early.byPostal.uuid, 'the row checked with the new key', (row) => /Signature valid/.test(row.tooltip ?? ''));
    assert.doesNotMatch(checked.description ?? '', /not checked|signature/);
    const forged = await rowWhen(early.byOther.uuid, 'the other key\'s row checked', (row) => /bad signature/.test(row.description ?? ''));
    assert.match(forged.tooltip ?? '', /Signed with another key: the X\\-Postal\\-Signature\\-KID header names [0-9a-f]{12}…; our key/);
  });

  it('shows its own test events as signed with the development key, not as forged', async () => {
    await configure({ 'postalWebhooks.signature.publicKey': toDnsRecord(postal.publicKey) });
    await eventually('the listener to run with the key', async () => {
      const state = await vscode.commands.executeCommand<{ key: string; listenerState: string }>('postalWebhooks.test.explorerState');
      return state.key === 'ok' && state.listenerState === 'listening' ? true : undefined;
    });
    const sent = await vscode.commands.executeCommand<SentItem[]>(COMMAND.sendTestEvent, { event: 'MessageBounced', target: url });
    const answer = sent?.[0]?.attempts[0]?.response;
    assert.equal(answer?.status, 200, JSON.stringify(answer));
    assert.match(answer?.body.data ?? '', /"signature":"dev-key"/);
    const { uuid } = JSON.parse(Buffer.from(sent[0].request.body).toString('utf8')) as Envelope;
    const row = await rowWhen(uuid, 'the test event\'s row', () => true);
    assert.match(row.description ?? '', /✓ dev key/);
    assert.doesNotMatch(row.description ?? '', /bad signature/);
    assert.match(row.tooltip ?? '', /Signed with your \*\*development key\*\*/);
  });
});
