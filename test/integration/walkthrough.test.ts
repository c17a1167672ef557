import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { generateSigningKey, toJwks } from '../../src/core/signature';
import { COMMAND, TEST_COMMAND } from '../../src/vscode/commandIds';
import { MILESTONE, type Milestone } from '../../src/vscode/walkthrough/milestones';
import { configure, eventually, explorerState, freePort, postLikePostal, sample } from './explorerHelpers';
import { canReadWorkbench, workbenchTexts } from './workbenchText';

const WALKTHROUGH = 'postal-webhooks.postal-webhooks#postalWebhooks.gettingStarted';
const REPO = join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: { id: string; title: string; steps: { id: string; title: string; completionEvents: string[] }[] }[] };
};
const NLS = JSON.parse(readFileSync(join(REPO, 'package.nls.json'), 'utf8')) as Record<string, string>;
const localized = (text: string): string => NLS[text.replace(/^%|%$/g, '')] ?? text;
const walkthrough = manifest.contributes.walkthroughs[0];
const stepTitles = walkthrough.steps.map((step) => localized(step.title));

/** What the open walkthrough page shows: its title, and the titles of all its steps and of the done ones. */
async function walkthroughPage(): Promise<{ title: string[]; steps: string[]; done: string[] }> {
  return {
    title: await workbenchTexts('.gettingStartedSlideDetails .category-title'),
    steps: await workbenchTexts('.gettingStartedSlideDetails .getting-started-step .step-title'),
    done: await workbenchTexts('.gettingStartedSlideDetails .getting-started-step:has([data-done-step-id].complete) .step-title'),
  };
}

/** Writes a payload file, opens it until its milestone is reached, and removes it. */
async function lintAPayloadFile(): Promise<void> {
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
}

const storedMilestones = (): Thenable<string[]> => vscode.commands.executeCommand<string[]>(TEST_COMMAND.milestones, { stored: true });
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
    // Left reached for the window after a restart, which must find it in global state.
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await vscode.commands.executeCommand(COMMAND.startListener);
    await reached(MILESTONE.listening);
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await configure({ 'postalWebhooks.listener.port': undefined, 'postalWebhooks.signature.publicKey': undefined });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('ticks the steps done before the page was ever opened, once it opens', async function () {
    // Every step is done first, the page opened last: VS Code registers the walkthrough only then.
    const started = await vscode.commands.executeCommand<{ ok: boolean; url: string }>(COMMAND.startListener);
    assert.equal(started?.ok, true);
    assert.equal(await postLikePostal(started.url, JSON.stringify(sample('MessageSent'))), 200);
    const key = await generateSigningKey();
    await configure({ 'postalWebhooks.signature.publicKey': JSON.stringify(toJwks(key.publicKey)) });
    await vscode.commands.executeCommand(COMMAND.sendTestEvent, { event: 'MessageLoaded', variant: 'default', target: started.url });
    await lintAPayloadFile();
    for (const milestone of Object.values(MILESTONE)) await reached(milestone);
    if (!canReadWorkbench) this.skip();
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    await eventually('every step to show as done', async () => ((await walkthroughPage()).done.length === stepTitles.length ? true : undefined)).catch(() => undefined);
    assert.deepEqual((await walkthroughPage()).done, stepTitles);
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await configure({ 'postalWebhooks.signature.publicKey': undefined });
  });

  it('keeps the milestones reached in global state, for the next window', async () => {
    await vscode.commands.executeCommand(COMMAND.startListener);
    await reached(MILESTONE.listening);
    await eventually('the milestone in global state', async () => ((await milestones()).includes(MILESTONE.listening) && (await storedMilestones()).includes(MILESTONE.listening) ? true : undefined));
    await vscode.commands.executeCommand(COMMAND.stopListener);
  });

  it('opens on its own page, with one step per milestone the extension sets', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    const contexts = walkthrough.steps.map((step) => /^onContext:([\w.]+) && postalWebhooks\.walkthrough\.recheck$/.exec(step.completionEvents[0])?.[1]);
    assert.deepEqual([...contexts].sort(), Object.values(MILESTONE).sort());
    assert.deepEqual(
      walkthrough.steps.map((step) => step.completionEvents[1]),
      walkthrough.steps.map((step) => step.completionEvents[0].replace(' && ', ' && !')),
    );
    if (!canReadWorkbench) return;
    const page = await eventually('the walkthrough page', async () => {
      const shown = await walkthroughPage();
      return shown.steps.length > 0 ? shown : undefined;
    });
    assert.deepEqual(page.title, [localized(walkthrough.title)]);
    assert.deepEqual(page.steps, stepTitles);
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
    // Once the listener runs again with the broken key, the extension has judged it.
    await eventually('the listener to restart with the broken key', async () => {
      const state = await explorerState();
      return state.key === 'invalid' && state.listenerState === 'listening' ? true : undefined;
    });
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
    await lintAPayloadFile();
  });

  it('shows every step done once its milestone was reached', async function () {
    if (!canReadWorkbench) this.skip();
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    await eventually('every step to show as done', async () => ((await walkthroughPage()).done.length === stepTitles.length ? true : undefined)).catch(() => undefined);
    assert.deepEqual((await walkthroughPage()).done, stepTitles);
  });
});
