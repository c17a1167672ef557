import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { explorerState, rowOf, treeSnapshot } from '../integration/explorerHelpers';
import { readRestartExpectations } from '../integration/restartExpectations';

describe('Events explorer after an extension host restart', function () {
  this.timeout(30_000);

  it('runs in a new extension host process', () => {
    assert.notEqual(process.pid, readRestartExpectations().pid);
  });

  it('loads the history from the extension storage and shows it before the listener starts', async () => {
    const expected = readRestartExpectations();
    await vscode.extensions.getExtension('postal-webhooks.postal-webhooks')?.activate();
    const state = await explorerState();
    assert.equal(state.listenerState, 'stopped');
    assert.equal(state.historyPath, expected.historyPath);
    const rows = await treeSnapshot();
    for (const uuid of expected.uuids) assert.ok(rowOf(rows, uuid));
    assert.match(state.statusText, new RegExp(`^\\$\\(circle-slash\\) Postal · ${state.historyCount}$`));
  });
});
