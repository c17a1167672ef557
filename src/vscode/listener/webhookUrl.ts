import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { COMMAND } from '../commandIds';
import { type ListenerController } from './listenerController';
import { type TestedUrl } from './reachabilityHelp';

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

/** The URL as seen from where the user is: unchanged locally, forwarded in Remote / Codespaces / the web. */
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

/**
 * Every URL that could be given to Postal (VS Code's forwarded one first, when it differs), each
 * tested with a probe POST when the listener runs: a forwarded URL is not always one that
 * passes a POST on (the web build's `/proxy/PORT/` answers 405), so only a tested URL is offered.
 */
export async function testedWebhookUrls(controller: ListenerController): Promise<TestedUrl[]> {
  const { local, external } = await externalWebhookUrl(controller);
  const candidates: TestedUrl[] = external === local ? [{ url: local, via: 'direct' }] : [{ url: external, via: 'forwarded' }, { url: local, via: 'direct' }];
  // Loaded when a URL is first tested, not with the extension.
  const { probeUrl } = await import('../../core/listener/reachProbe.js');
  return Promise.all(
    candidates.map(async (candidate) => {
      const token = controller.probeToken();
      return token === undefined ? candidate : { ...candidate, result: await probeUrl(candidate.url, token) };
    }),
  );
}

/** Serves the Learn More page with the current URLs filled in, each with what a test POST found. */
export class HelpDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly controller: ListenerController) {}

  async provideTextDocumentContent(): Promise<string> {
    const { reachabilityHelp } = await import('./reachabilityHelp.js');
    return reachabilityHelp(await testedWebhookUrls(this.controller));
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
 * Copies the webhook URL that reached the listener in a test, and says how Postal can reach it.
 * Resolves to the copied URL without waiting for the user to answer the notification.
 */
export async function copyWebhookUrl(controller: ListenerController, log: Logger): Promise<string> {
  const running = controller.state === 'listening';
  const tested = await testedWebhookUrls(controller);
  for (const candidate of tested) if (candidate.result !== undefined) log.info(`${candidate.url}: ${candidate.result.detail}`);
  const { chooseWebhookUrl } = await import('./reachabilityHelp.js');
  const { url, note } = chooseWebhookUrl(tested, running);
  await vscode.env.clipboard.writeText(url);
  const message =
    `Copied ${url}. ${note} ` +
    'For a Postal on another machine, forward the port (Ports view) or run a tunnel such as cloudflared or ngrok. ' +
    'Postal newer than 3.3.6 refuses private and loopback addresses unless its allowed_request_destinations setting permits them.';
  void offerNextSteps(message, running, log);
  return url;
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
