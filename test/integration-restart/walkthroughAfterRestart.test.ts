import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TEST_COMMAND } from '../../src/vscode/commandIds';
import { MILESTONE, type Milestone } from '../../src/vscode/walkthrough/milestones';
import { explorerState } from '../integration/explorerHelpers';

describe('Getting Started walkthrough after an extension host restart', () => {
  it('starts from the milestones reached in the window before, kept in global state', async () => {
    await vscode.extensions.getExtension('postal-webhooks.postal-webhooks')?.activate();
    assert.equal((await explorerState()).listenerState, 'stopped');
    const reached = await vscode.commands.executeCommand<Milestone[]>(TEST_COMMAND.milestones);
    assert.ok(reached.includes(MILESTONE.listening), `reached: ${reached.join(', ')}`);
  });
});
