import { join } from 'node:path';
import * as vscode from 'vscode';
import { type SentItem } from '../../src/core/replay/sendReport';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { expandRows, freePort, post, recordIdOf, rows, sample, widenSideBar } from './explorerScenarios';
import { pause, shot } from './shot';

const EML = join(__dirname, '../../../test/fixtures/postal-samples/inbound/raw-message.eml');

/** Sends inbound mail with "Send Test Inbound Mail" and returns the message token of the Hash sent. */
async function sendInbound(url: string, options: Record<string, unknown>): Promise<string | undefined> {
  const items = await vscode.commands.executeCommand<SentItem[]>(COMMAND.sendTestInboundMail, { ...options, target: url });
  const body = items?.[0]?.request.body.toString('utf8') ?? '';
  return body.startsWith('{') ? ((JSON.parse(body) as { token?: string }).token ?? undefined) : undefined;
}

/** The Inbound mail group, a mail in the preview with its HTML body and an attachment, and a mail joined with its webhook. */
export const MAIL_SCENARIOS: Record<string, () => Promise<void>> = {
  async 'inbound-mail'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.workspace.getConfiguration().update('postalWebhooks.listener.port', await freePort(), vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    await widenSideBar();
    const started = await vscode.commands.executeCommand<{ ok: boolean; url: string }>(COMMAND.startListener);
    if (started?.ok !== true) throw new Error('the listener did not start');
    await vscode.commands.executeCommand(COMMAND.groupBy, 'type');
    await sendInbound(started.url, { source: EML, format: 'raw', encoding: 'form' });
    const token = await sendInbound(started.url, { source: 'sample', format: 'hash', encoding: 'json' });
    // Postal tells the webhooks about the mail it delivered to the endpoint: same id and token.
    if (token !== undefined) await post(started.url, JSON.stringify(sample('MessageSent', { token, to: 'support@example.com', subject: 'Damaged item in order #1234', direction: 'incoming' } as Parameters<typeof sample>[1])));
    await sendInbound(started.url, { source: 'sample', format: 'hash', encoding: 'form' });
    // Let the answers page finish loading before it is closed (a page closed while loading can leave the next one blank).
    await pause(2500);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await pause(800);
    // Newest group first: Inbound mail.
    await expandRows([0]);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await pause(800);
    await shot('inbound-group');

    const all = await rows();
    await vscode.commands.executeCommand(COMMAND.showMail, recordIdOf(all, (row) => row.description?.startsWith('Damaged item') === true));
    await pause(4000);
    await shot('mail-preview');
    await shot('mail-preview-attachments', { webviewScrollTo: '#attachments' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    await vscode.commands.executeCommand(COMMAND.groupBy, 'message');
    await pause(800);
    await expandRows([1]);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await pause(800);
    await shot('inbound-by-message');
    await vscode.commands.executeCommand(COMMAND.groupBy, 'type');
    await vscode.commands.executeCommand(COMMAND.stopListener);
    await vscode.commands.executeCommand('notifications.clearAll');
  },
};
