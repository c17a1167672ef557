import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND, TEST_COMMAND, VIEW } from '../../src/vscode/commandIds';
import { configure, eventually, explorerState, freePort, treeSnapshot } from './explorerHelpers';
import { canReadWorkbench, workbenchTexts } from './workbenchText';

const EXTENSION_ID = 'postal-webhooks.postal-webhooks';
const REPO = join(__dirname, '../../..');
const NLS = JSON.parse(readFileSync(join(REPO, 'package.nls.json'), 'utf8')) as Record<string, string>;
const WELCOME = `[id="workbench.view.extension.${VIEW.container}"] .welcome-view-content`;

/** A viewsWelcome text as VS Code renders it: links as their label (buttons on their own line), icons left out, one entry per line. */
function renderedLines(markdown: string): string[] {
  return markdown
    .replace(/\[(?:\$\([a-z-]+\) )?([^\]]+)\]\([^)]*\)/g, '$1')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** The welcome content the Events view shows once it equals `expected` (lines of text). */
function welcomeShown(expected: string[]): Promise<true> {
  return eventually(`the welcome content "${expected[0]}"`, async () => {
    const shown = await workbenchTexts(WELCOME);
    return shown.length === 1 && JSON.stringify(renderedLines(shown[0])) === JSON.stringify(expected) ? true : undefined;
  });
}

describe('extension in VS Code', () => {
  it('is installed in development mode and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command the manifest contributes', async () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of manifest.contributes.commands) assert.ok(registered.has(command), `${command} is not registered`);
  });

  it('runs a command in the extension host and reports its state', async () => {
    const state = await vscode.commands.executeCommand<Record<string, unknown>>(TEST_COMMAND.state);
    assert.equal(state?.activated, true);
    assert.equal(state?.logChannel, 'Postal Webhooks');
  });

  it('shows the Events view in the Postal container, empty, with the welcome content for a stopped listener', async () => {
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    const state = await eventually('the Events view to be visible', async () => {
      const current = await explorerState();
      return current.treeVisible ? current : undefined;
    });
    assert.equal(state.listenerState, 'stopped');
    assert.equal(state.historyCount, 0, 'this suite runs first, before any event arrived');
    assert.deepEqual(await treeSnapshot(), []);
    if (canReadWorkbench) await welcomeShown(renderedLines(NLS['viewsWelcome.events.stopped']));
  });

  it('changes the welcome content as the listener starts and stops', async function () {
    if (!canReadWorkbench) this.skip();
    await configure({ 'postalWebhooks.listener.port': await freePort() });
    try {
      const started = await vscode.commands.executeCommand<{ ok: boolean }>(COMMAND.startListener);
      assert.equal(started?.ok, true);
      await welcomeShown(renderedLines(NLS['viewsWelcome.events.listening']));
      await vscode.commands.executeCommand(COMMAND.stopListener);
      await welcomeShown(renderedLines(NLS['viewsWelcome.events.stopped']));
    } finally {
      await vscode.commands.executeCommand(COMMAND.stopListener);
      await configure({ 'postalWebhooks.listener.port': undefined });
    }
  });
});
