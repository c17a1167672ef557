import * as vscode from 'vscode';
import { isLoopbackUrl, redactUrl } from '../../core/http';
import { targetUrlProblem } from '../../core/replay/targetUrl';

const RECENT_TARGETS_KEY = 'postalWebhooks.replay.recentTargets';
const MAX_RECENT_TARGETS = 5;

export interface TargetSources {
  workspaceState: vscode.Memento;
  /** Our own listener's URL. */
  ownListenerUrl: () => string | undefined;
  /** The listener's forward URL (the user's app), when one is configured. */
  forwardUrl: () => string | undefined;
  /** `postalWebhooks.replay.defaultTarget`, a usable URL, or empty to ask. */
  defaultTarget: () => string;
}

interface TargetItem extends vscode.QuickPickItem {
  url?: string;
}

/**
 * Asks where to send: the configured default target skips the question; otherwise our own
 * listener, the app the listener forwards to, recent targets, or a new URL. Resolves to
 * undefined when the user cancels.
 */
export async function pickTarget(sources: TargetSources, title: string): Promise<string | undefined> {
  const configured = sources.defaultTarget();
  if (configured !== '') return configured;
  const items: TargetItem[] = [];
  const seen = new Set<string>();
  const add = (url: string | undefined, label: string, description: string): void => {
    if (url === undefined || seen.has(url)) return;
    seen.add(url);
    // Shown with its credentials masked; sent as it is.
    items.push({ label, description, detail: redactUrl(url), url });
  };
  add(sources.ownListenerUrl(), '$(radio-tower) Our own listener', 'see the event arrive in the Postal Webhooks view');
  add(sources.forwardUrl(), '$(arrow-right) Your app (forward URL)', 'postalWebhooks.listener.forwardUrl');
  for (const url of recentTargets(sources.workspaceState)) add(url, `$(history) ${redactUrl(url)}`, 'recent');
  items.push({ label: '$(add) New URL…', description: 'e.g. http://localhost:3000/webhooks/postal' });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Where should the event go?', matchOnDetail: true });
  if (picked === undefined) return undefined;
  return picked.url ?? askForUrl(title);
}

async function askForUrl(title: string): Promise<string | undefined> {
  const url = await vscode.window.showInputBox({
    title,
    prompt: 'The URL your Postal webhook would point at',
    placeHolder: 'http://localhost:3000/webhooks/postal',
    validateInput: (value) => targetUrlProblem(value.trim()),
  });
  return url?.trim();
}

export function recentTargets(state: vscode.Memento): string[] {
  const stored = state.get<unknown>(RECENT_TARGETS_KEY);
  return Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === 'string') : [];
}

export async function rememberTarget(state: vscode.Memento, url: string): Promise<void> {
  const next = [url, ...recentTargets(state).filter((entry) => entry !== url)].slice(0, MAX_RECENT_TARGETS);
  await state.update(RECENT_TARGETS_KEY, next);
}

/**
 * In an untrusted workspace only this machine may be sent to: a workspace's settings could
 * otherwise point replays (and their signed payloads) at any host. Returns true when allowed.
 */
export async function mayReach(url: string): Promise<boolean> {
  if (vscode.workspace.isTrusted || isLoopbackUrl(url)) return true;
  const manage = 'Manage Workspace Trust';
  const answer = await vscode.window.showErrorMessage(
    `Postal: sending to ${new URL(url).host} needs a trusted workspace. In this untrusted workspace events go only to this machine (localhost, 127.0.0.1, ::1).`,
    manage,
  );
  if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}
