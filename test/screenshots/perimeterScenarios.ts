import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { freePort } from './explorerScenarios';
import { pause, shot } from './shot';

const SAMPLES = join(__dirname, '../../../test/fixtures/postal-samples');

function body(name: string): string {
  const envelope = JSON.parse(readFileSync(join(SAMPLES, `${name}.json`), 'utf8')) as { uuid: string };
  envelope.uuid = randomUUID();
  return JSON.stringify(envelope);
}


/** A POST with exactly these headers, Host included: Postal, a web page, or a rebinding page. */
function post(port: number, headers: Record<string, string>, text: string): Promise<void> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'Content-Type': 'application/json', ...headers }, setHost: false, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', () => resolve());
    req.end(text);
  });
}

export const PERIMETER_SCENARIOS: Record<string, () => Promise<void>> = {
  /** Postal's events arrive; web pages and a rebound name are refused: counted in the view's title, explained in the log. */
  async 'explorer-refused'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    const port = await freePort();
    await vscode.workspace.getConfiguration().update('postalWebhooks.listener.port', port, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    // A side bar wide enough for the view's title and its count of refused requests.
    await vscode.commands.executeCommand(`${VIEW.events}.focus`);
    for (let step = 0; step < 3; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    const started = await vscode.commands.executeCommand<{ ok: boolean }>(COMMAND.startListener);
    if (started?.ok !== true) throw new Error('the listener did not start');
    await vscode.commands.executeCommand(COMMAND.groupBy, 'time');
    const postal = { Host: `127.0.0.1:${port}`, 'User-Agent': 'Postal/3.3.6' };
    for (const name of ['MessageSent', 'MessageLoaded', 'MessageLinkClicked']) await post(port, postal, body(name));
    for (let index = 0; index < 40; index++) await post(port, { Host: `127.0.0.1:${port}`, Origin: 'https://ads.example', 'Content-Type': 'text/plain' }, body('MessageSent'));
    for (let index = 0; index < 5; index++) await post(port, { Host: `rebind.attacker.example:${port}` }, body('MessageBounced'));
    await post(port, { Host: 'abc.trycloudflare.com', 'User-Agent': 'Postal/3.3.6' }, body('MessageSent'));
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await pause(1500);
    await shot('explorer-refused-status', { hoverText: `Postal :${port}` });
    // Stopping logs the summary of the refusals not logged one by one.
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await vscode.commands.executeCommand(COMMAND.showLog);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await pause(1500);
    await shot('explorer-refused');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  },
};
