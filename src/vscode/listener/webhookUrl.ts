import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { COMMAND } from '../commandIds';
import { type ListenerController } from './listenerController';
import { reachabilityHelp } from './reachabilityHelp';

export const HELP_SCHEME = 'postal-webhooks-help';

/** The listener's URL on this machine: the bound address when running, else the one the settings give. */
export function localWebhookUrl(controller: ListenerController): string {
  if (controller.address !== undefined) return reachableUrl(controller.address.url);
  const { host = '127.0.0.1', port = 8789, requiredPath } = controller.effectiveSettings().options;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return reachableUrl(`http://${urlHost}:${port}${requiredPath ?? '/'}`);
}

/** 0.0.0.0 and :: mean "every interface"; a client on this machine reaches them through loopback. */
function reachableUrl(url: string): string {
  return url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//127.0.0.1:');
}

/** The URL as seen from where the user is: unchanged locally, forwarded in Remote / Codespaces. */
export async function externalWebhookUrl(controller: ListenerController): Promise<{ local: string; external: string }> {
  const local = localWebhookUrl(controller);
  const external = (await vscode.env.asExternalUri(vscode.Uri.parse(local))).toString(true);
  return { local, external };
}

/**
 * The host (and port) VS Code forwards the listener under when it differs from the listener's
 * own (Remote, Codespaces, a web VS Code), else undefined: Postal's requests through it carry it
 * in their Host header, so the listener allows it.
 */
export async function externalHost(controller: ListenerController): Promise<string | undefined> {
  const { local, external } = await externalWebhookUrl(controller);
  const host = vscode.Uri.parse(external).authority;
  return host === '' || host === vscode.Uri.parse(local).authority ? undefined : host;
}

/** Serves the Learn More page with the current URLs filled in. */
export class HelpDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly controller: ListenerController) {}

  async provideTextDocumentContent(): Promise<string> {
    const { local, external } = await externalWebhookUrl(this.controller);
    return reachabilityHelp(local, external);
  }
}

export async function showReachabilityHelp(): Promise<void> {
  const uri = vscode.Uri.from({ scheme: HELP_SCHEME, path: '/How Postal reaches the listener.md' });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
}

/**
 * Copies the webhook URL and says how Postal can reach it. Resolves to the copied URL without
 * waiting for the user to answer the notification.
 */
export async function copyWebhookUrl(controller: ListenerController, log: Logger): Promise<string> {
  const { external } = await externalWebhookUrl(controller);
  await vscode.env.clipboard.writeText(external);
  const running = controller.state === 'listening';
  const message =
    `Copied ${external}.${running ? '' : ' The listener is not running: start it before Postal sends.'} ` +
    'For a Postal on another machine, forward the port (Ports view) or run a tunnel such as cloudflared or ngrok. ' +
    'Postal newer than 3.3.6 refuses private and loopback addresses unless its allowed_request_destinations setting permits them.';
  void offerNextSteps(message, running, log);
  return external;
}

async function offerNextSteps(message: string, running: boolean, log: Logger): Promise<void> {
  const learnMore = 'Learn More';
  const start = 'Start Listener';
  try {
    const choice = await vscode.window.showInformationMessage(message, ...(running ? [learnMore] : [start, learnMore]));
    if (choice === learnMore) await showReachabilityHelp();
    if (choice === start) await vscode.commands.executeCommand(COMMAND.startListener);
  } catch (error) {
    log.error(`after Copy Webhook URL: ${String(error)}`);
  }
}
