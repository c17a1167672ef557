import { join } from 'node:path';
import * as vscode from 'vscode';
import { componentLogger, type Logger } from '../../core/logger';
import { CONTEXT_KEY } from '../commandIds';
import { HistoryService } from './historyService';
import { registerListenerCommands, startInteractively } from './listenerCommands';
import { ListenerController } from './listenerController';
import { LISTENER_SETTINGS, readListenerSettings, SETTING, type SettingId } from './listenerSettings';
import { ListenerStatusBar } from './listenerStatusBar';
import { HELP_SCHEME, HelpDocuments } from './webhookUrl';

/** Settings changes arrive one key at a time (a settings.json save, a test writing several): gather them. */
const SETTINGS_DEBOUNCE_MS = 300;
const HISTORY_FILE = 'history.jsonl';

export interface ListenerServices {
  history: HistoryService;
  controller: ListenerController;
  statusBar: ListenerStatusBar;
  /** Resolves once the history is loaded (and the listener auto-started, if set to). */
  ready: Promise<void>;
  /** Stops the listener and closes the history; for `deactivate`. */
  shutdown(): Promise<void>;
}

const readSetting = (id: SettingId): unknown => vscode.workspace.getConfiguration().get(id);

/** The history file: per workspace (`storageUri`), or per user without a folder open. */
function historyPath(context: vscode.ExtensionContext): string | undefined {
  const folder = context.storageUri ?? context.globalStorageUri;
  return folder.scheme === 'file' ? join(folder.fsPath, HISTORY_FILE) : undefined;
}

/**
 * The listener in the extension: history, controller, status bar, commands, the
 * `postalWebhooks.listenerState` context key, restarts on settings changes, and auto-start.
 */
export function registerListener(context: vscode.ExtensionContext, baseLog: Logger, deps: { fetch?: typeof fetch } = {}): ListenerServices {
  const log = componentLogger(baseLog, 'listener');
  const history = new HistoryService(componentLogger(baseLog, 'history'));
  const controller = new ListenerController(history, () => readListenerSettings(readSetting), log);
  const statusBar = new ListenerStatusBar(controller, history);
  let pendingRestart: NodeJS.Timeout | undefined;
  const cancelPendingRestart = (): void => {
    clearTimeout(pendingRestart);
    pendingRestart = undefined;
  };
  const commandDeps = { controller, history, log, workspaceState: context.workspaceState, fetch: deps.fetch ?? fetch, cancelPendingRestart };
  const setState = (): Thenable<unknown> => vscode.commands.executeCommand('setContext', CONTEXT_KEY.listenerState, controller.state);

  const openHistory = async (maxEvents: number): Promise<void> => {
    const warning = await history.open(historyPath(context), maxEvents);
    if (warning !== undefined) void vscode.window.showWarningMessage(warning);
  };

  const onSettingsChanged = async (): Promise<void> => {
    pendingRestart = undefined;
    // Running, starting or failed: try again with the new values. Stopped stays stopped.
    const active = controller.state !== 'stopped';
    const { maxEvents } = readListenerSettings(readSetting);
    if (history.differsFrom(historyPath(context), maxEvents)) await controller.stopFor(() => openHistory(maxEvents));
    if (active) await startInteractively(commandDeps, true);
    else controller.reloadSettings();
  };

  context.subscriptions.push(
    statusBar,
    vscode.workspace.registerTextDocumentContentProvider(HELP_SCHEME, new HelpDocuments(controller)),
    controller.onDidChangeState(() => void setState()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!LISTENER_SETTINGS.some((id) => event.affectsConfiguration(id)) && !event.affectsConfiguration(SETTING.maxEvents)) return;
      cancelPendingRestart();
      pendingRestart = setTimeout(() => void onSettingsChanged().catch((error: unknown) => log.error(`applying the new settings failed: ${String(error)}`)), SETTINGS_DEBOUNCE_MS);
    }),
    { dispose: cancelPendingRestart },
    ...registerListenerCommands(commandDeps),
  );
  void setState();

  const ready = (async () => {
    const settings = readListenerSettings(readSetting);
    await openHistory(settings.maxEvents);
    statusBar.update();
    // Auto-start never happens in an untrusted workspace: starting there needs the user's yes.
    if (settings.autoStart && vscode.workspace.isTrusted) await startInteractively(commandDeps, false);
  })().catch((error: unknown) => log.error(`start-up failed: ${String(error)}`));

  return {
    history,
    controller,
    statusBar,
    ready,
    async shutdown() {
      cancelPendingRestart();
      await ready;
      await controller.dispose();
      await history.dispose();
    },
  };
}
