import * as vscode from 'vscode';
import { generateSigningKey, sign, toDnsRecord } from '../../src/core/signature';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { freePort, post, recordIdOf, rows, sample, widenSideBar } from './explorerScenarios';
import { pause, shot } from './shot';

/** A body and headers written to break a page that does not escape: markup, quotes, terminal escapes, a bidi override. */
const HOSTILE_BODY = '{"event":"MessageSent","payload":{"message":{"subject":"<script>alert(1)</script> \\"quoted\\" \'single\'"},"status":"Sent\u001b[31m red\u202Eevil"},"uuid":"1f0c3a52-0000-4000-8000-000000000000"}';

/** The request inspector, a hostile request in it, and the message timeline, as a user sees them. */
export const INSPECTOR_SCENARIOS: Record<string, () => Promise<void>> = {
  async inspector() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    const key = await generateSigningKey();
    const port = await freePort();
    const config = vscode.workspace.getConfiguration();
    await config.update('postalWebhooks.listener.port', port, vscode.ConfigurationTarget.Workspace);
    await config.update('postalWebhooks.signature.publicKey', toDnsRecord(key.publicKey), vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    await widenSideBar();
    const started = await vscode.commands.executeCommand<{ ok: boolean; url: string }>(COMMAND.startListener);
    if (started?.ok !== true) throw new Error('the listener did not start');
    const order = { token: 'Qm7XkP2vRt9LwZ3a', to: 'alice@example.net', subject: 'Your order #1042 has shipped' };
    for (const name of ['MessageSent', 'MessageLoaded', 'MessageLinkClicked']) await post(started.url, JSON.stringify(sample(name, order)), key);
    await fetch(started.url, { method: 'POST', body: HOSTILE_BODY, headers: { 'Content-Type': 'application/json', 'X-Note': '"><img src=x onerror=alert(1)>', ...sign(HOSTILE_BODY, key.privateKey) } });
    await pause(800);
    await vscode.commands.executeCommand(COMMAND.groupBy, 'time');
    const all = await rows();

    await vscode.commands.executeCommand(COMMAND.openRequest, recordIdOf(all, (row) => row.label === 'MessageLinkClicked'));
    await pause(2500);
    await shot('inspector');

    await vscode.commands.executeCommand(COMMAND.openRequest, recordIdOf(all, (row) => row.label === 'POST /'));
    await pause(2500);
    await shot('inspector-hostile');

    await vscode.commands.executeCommand(COMMAND.showMessageTimeline, recordIdOf(all, (row) => row.label === 'MessageLoaded'));
    await pause(2500);
    await shot('inspector-timeline');
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  },
};
