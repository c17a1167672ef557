import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

// Only loaded when POSTAL_TEST_PROVE_RED=1: it must fail, to show a failure turns `npm test` red.
describe('deliberately failing test', () => {
  it('fails on purpose inside VS Code', async () => {
    const state = await vscode.commands.executeCommand<Record<string, unknown>>('postalWebhooks.test.state');
    assert.equal(state?.activated, false, 'deliberate failure: the extension is active, as it should be');
  });
});
