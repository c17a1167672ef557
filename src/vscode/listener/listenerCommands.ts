import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { COMMAND, VIEW } from '../commandIds';
import { registerGuarded } from '../guarded';
import { type HistoryService } from './historyService';
import { type ListenerController, type StartOutcome } from './listenerController';
import { confirmUntrustedStart, reportStartProblem, warnIfExposed } from './startProblems';
import { copyWebhookUrl, showReachabilityHelp } from './webhookUrl';

export interface ListenerCommandDeps {
  controller: ListenerController;
  history: HistoryService;
  log: Logger;
  workspaceState: vscode.Memento;
  fetch: typeof fetch;
  /** Called before a start, stop or restart by the user: a pending settings restart is moot. */
  cancelPendingRestart(): void;
}

/** What the start commands resolve to: the URL, or why not (for tests and other commands). */
export type StartCommandResult = { ok: true; url: string } | { ok: false; message: string };

/** Starts (or restarts) and tells the user about a problem without waiting for them to read it. */
export async function startInteractively(deps: ListenerCommandDeps, restart: boolean): Promise<StartCommandResult> {
  deps.cancelPendingRestart();
  if (!(await confirmUntrustedStart())) return { ok: false, message: 'not started: the workspace is not trusted' };
  const outcome: StartOutcome = restart ? await deps.controller.restart() : await deps.controller.start();
  const { host = '127.0.0.1', port = 0 } = deps.controller.settings.options;
  if (!outcome.ok) {
    void reportStartProblem(outcome.problem, { host, port }).catch((error: unknown) => deps.log.error(`reporting a start problem failed: ${String(error)}`));
    return { ok: false, message: outcome.problem.message };
  }
  void warnIfExposed(outcome.address.host, deps.workspaceState).catch((error: unknown) => deps.log.error(String(error)));
  return { ok: true, url: outcome.address.url };
}

interface MenuItem extends vscode.QuickPickItem {
  run(): unknown;
}

/** The status bar menu: what can be done from the listener's current state. */
async function listenerMenu(deps: ListenerCommandDeps): Promise<void> {
  const { controller } = deps;
  const running = controller.state === 'listening' || controller.state === 'starting';
  const items: MenuItem[] = [
    ...(running
      ? [
          { label: '$(debug-stop) Stop Listener', run: () => vscode.commands.executeCommand(COMMAND.stopListener) },
          { label: '$(debug-restart) Restart Listener', run: () => vscode.commands.executeCommand(COMMAND.restartListener) },
        ]
      : [{ label: '$(play) Start Listener', run: () => vscode.commands.executeCommand(COMMAND.startListener) }]),
    { label: '$(copy) Copy Webhook URL', run: () => vscode.commands.executeCommand(COMMAND.copyWebhookUrl) },
    { label: '$(list-tree) Open Events', run: () => vscode.commands.executeCommand(`${VIEW.events}.focus`) },
    { label: '$(key) Set Up Postal Public Key…', run: () => vscode.commands.executeCommand(COMMAND.setUpPublicKey) },
    { label: '$(send) Send Test Event…', run: () => vscode.commands.executeCommand(COMMAND.sendTestEvent) },
    { label: '$(question) How Postal Reaches the Listener', run: () => showReachabilityHelp() },
    { label: '$(output) Show Log', run: () => vscode.commands.executeCommand(COMMAND.showLog) },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: 'Postal Webhooks Listener', placeHolder: controller.address?.url ?? 'The listener is not running' });
  await pick?.run();
}

/** Registers the listener's commands; each catches at its boundary, logs, and offers the log. */
export function registerListenerCommands(deps: ListenerCommandDeps): vscode.Disposable[] {
  const { log } = deps;
  return [
    registerGuarded(COMMAND.startListener, 'Start Listener', log, () => startInteractively(deps, false)),
    registerGuarded(COMMAND.restartListener, 'Restart Listener', log, () => startInteractively(deps, true)),
    registerGuarded(COMMAND.stopListener, 'Stop Listener', log, async () => {
      deps.cancelPendingRestart();
      await deps.controller.stop();
    }),
    registerGuarded(COMMAND.listenerMenu, 'Listener menu', log, () => listenerMenu(deps)),
    registerGuarded(COMMAND.copyWebhookUrl, 'Copy Webhook URL', log, () => copyWebhookUrl(deps.controller, log)),
    registerGuarded(COMMAND.showReachabilityHelp, 'Show help', log, () => showReachabilityHelp()),
    registerGuarded(COMMAND.setUpPublicKey, 'Set Up Postal Public Key', log, async () => (await import('./publicKeySetup.js')).setUpPublicKey(deps)),
  ];
}
