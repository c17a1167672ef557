import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND, TEST_COMMAND, VIEW } from '../../src/vscode/commandIds';

const EXTENSION_ID = 'postal-webhooks.postal-webhooks';

describe('extension in VS Code', () => {
  it('is installed in development mode and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command the manifest contributes', async () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
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

  it('shows the Postal container and its Events view', async () => {
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    await vscode.commands.executeCommand(`${VIEW.events}.focus`);
    await vscode.commands.executeCommand(COMMAND.showLog);
  });
});
