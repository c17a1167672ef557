import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { generateSigningKey, toJwks } from '../../src/core/signature';
import { COMMAND, TEST_COMMAND } from '../../src/vscode/commandIds';
import { MILESTONE, type Milestone } from '../../src/vscode/walkthrough/milestones';
import { configure, eventually, freePort, postLikePostal, sample } from './explorerHelpers';

const WALKTHROUGH = 'postal-webhooks.postal-webhooks#postalWebhooks.gettingStarted';
const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { walkthroughs: { id: string; steps: { id: string; completionEvents: string[] }[] }[] };
};

const milestones = (forget = false): Thenable<Milestone[]> => vscode.commands.executeCommand<Milestone[]>(TEST_COMMAND.milestones, { forget });
const reached = (milestone: Milestone): Promise<true> =>
  eventually(milestone, async () => ((await milestones()).includes(milestone) ? true : undefined), 10_000);

describe('Getting Started walkthrough in VS Code', function () {
  this.timeout(60_000);
  let url: string;

  before(async () => {
    await vscode.extensions.getExtension('postal-webhooks.postal-webhooks')?.activate();
    await configure({ 'postalWebhooks.listener.port': await freePort(), 'postalWebhooks.signature.publicKey': undefined });
  });

  beforeEach(async () => assert.deepEqual(await milestones(true), []));

  after(async () => {
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await configure({ 'postalWebhooks.listener.port': undefined, 'postalWebhooks.signature.publicKey': undefined });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens, and completes each step on a milestone the extension sets', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    const steps = manifest.contributes.walkthroughs[0].steps;
    const contexts = steps.map((step) => step.completionEvents[0].replace(/^onContext:/, ''));
    assert.deepEqual([...contexts].sort(), Object.values(MILESTONE).sort());
  });

  it('marks "listening" only once the listener has bound its port', async () => {
    assert.ok(!(await milestones()).includes(MILESTONE.listening));
    const started = await vscode.commands.executeCommand<{ ok: boolean; url: string }>(COMMAND.startListener);
    assert.equal(started?.ok, true);
    url = started.url;
    await reached(MILESTONE.listening);
  });

  it('marks "event received" when a Postal webhook arrives, not before', async () => {
    assert.ok(!(await milestones()).includes(MILESTONE.eventReceived));
    assert.equal(await postLikePostal(url, JSON.stringify(sample('MessageSent'))), 200);
    await reached(MILESTONE.eventReceived);
  });

  it('marks "key ready" for a key the listener can use, not for a broken one', async () => {
    await configure({ 'postalWebhooks.signature.publicKey': 'v=DKIM1; p=not-a-key;' });
    await new Promise((resolve) => setTimeout(resolve, 800));
    assert.ok(!(await milestones()).includes(MILESTONE.keyReady));
    const key = await generateSigningKey();
    await configure({ 'postalWebhooks.signature.publicKey': JSON.stringify(toJwks(key.publicKey)) });
    await reached(MILESTONE.keyReady);
  });

  it('marks "test event answered" when a test event gets an HTTP answer', async () => {
    await vscode.commands.executeCommand(COMMAND.sendTestEvent, { event: 'MessageBounced', variant: 'default', target: url });
    await reached(MILESTONE.testEventAnswered);
  });

  it('marks "payload linted" when a payload file is linted', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0].uri ?? vscode.Uri.file('/tmp');
    const file = vscode.Uri.joinPath(folder, 'fixtures', `walkthrough-${Date.now()}.postal.json`);
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(sample('MessageLoaded'), null, 2)));
    try {
      await vscode.window.showTextDocument(file);
      await reached(MILESTONE.payloadLinted);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file);
    }
  });
});
