import { chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { type Event } from '../../core/emitter';
import { componentLogger, type Logger } from '../../core/logger';
import { type VerificationKeys } from '../../core/signature';
import { COMMAND, CONTEXT_KEY } from '../commandIds';
import { HistoryService, type HistorySize } from './historyService';
import { registerListenerCommands, startInteractively } from './listenerCommands';
import { type DevelopmentKeySource, ListenerController } from './listenerController';
import { SignatureRechecker } from './signatureRecheck';
import { HISTORY_SETTINGS, LISTENER_SETTINGS, readListenerSettings, type SettingId } from './listenerSettings';
import { ListenerStatusBar } from './listenerStatusBar';
import { externalHost, HELP_SCHEME, HelpDocuments } from './webhookUrl';

/** Settings changes arrive one key at a time (a settings.json save, a test writing several): gather them. */
const SETTINGS_DEBOUNCE_MS = 300;
const HISTORY_FILE = 'history.jsonl';

export interface ListenerServices {
  history: HistoryService;
  controller: ListenerController;
  statusBar: ListenerStatusBar;
  /** Checks stored signatures again when the keys change. */
  rechecker: SignatureRechecker;
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

/** The keys a stored request is judged with now: Postal's (the setting) and the development key. */
async function currentKeys(developmentKey: DevelopmentKeySource | undefined): Promise<VerificationKeys> {
  const { key } = readListenerSettings(readSetting);
  return { postal: key.status === 'ok' ? key.keySet : undefined, development: await developmentKey?.existing() };
}

/** Once per episode of failed writes (the store logs it once too, and when it recovers). */
async function warnHistoryUnwritable(problem: string): Promise<void> {
  const showLog = 'Show Log';
  const choice = await vscode.window.showWarningMessage(
    `Postal: the request history cannot be written: ${problem}. Requests are answered 503 so that Postal sends them again; writing resumes by itself once it works.`,
    showLog,
  );
  if (choice === showLog) await vscode.commands.executeCommand(COMMAND.showLog);
}

/**
 * The listener in the extension: history, controller, status bar, commands, the
 * `postalWebhooks.listenerState` context key, restarts on settings changes, and auto-start.
 */
export function registerListener(context: vscode.ExtensionContext, baseLog: Logger, deps: { fetch?: typeof fetch; developmentKey?: DevelopmentKeySource & { onDidChange: Event<void> } } = {}): ListenerServices {
  const log = componentLogger(baseLog, 'listener');
  const history = new HistoryService(componentLogger(baseLog, 'history'));
  const { developmentKey } = deps;
  const controller: ListenerController = new ListenerController(history, () => readListenerSettings(readSetting), log, () => externalHost(controller), developmentKey);
  const rechecker = new SignatureRechecker(history, () => currentKeys(developmentKey), componentLogger(baseLog, 'history'));
  const statusBar = new ListenerStatusBar(controller, history);
  let pendingRestart: NodeJS.Timeout | undefined;
  const cancelPendingRestart = (): void => {
    clearTimeout(pendingRestart);
    pendingRestart = undefined;
  };
  const commandDeps = { controller, history, log, workspaceState: context.workspaceState, fetch: deps.fetch ?? fetch, cancelPendingRestart };
  const setState = (): Thenable<unknown> => vscode.commands.executeCommand('setContext', CONTEXT_KEY.listenerState, controller.state);

  const openHistory = async (size: HistorySize): Promise<void> => {
    const path = historyPath(context);
    // The storage folder holds what Postal sent: ours alone (created so by the store; an older one is made so).
    if (path !== undefined) await chmod(dirname(path), 0o700).catch(() => undefined);
    const warning = await history.open(path, size);
    if (warning !== undefined) void vscode.window.showWarningMessage(`Postal: ${warning}`);
  };

  const onSettingsChanged = async (): Promise<void> => {
    pendingRestart = undefined;
    // Running, starting or failed: try again with the new values. Stopped stays stopped.
    const active = controller.state !== 'stopped';
    const { maxEvents, maxSizeMB } = readListenerSettings(readSetting);
    if (history.differsFrom(historyPath(context), { maxEvents, maxSizeMB })) await controller.stopFor(() => openHistory({ maxEvents, maxSizeMB }));
    if (active) await startInteractively(commandDeps, true);
    else controller.reloadSettings();
    // Requests stored before (or while) the key changed are checked again with the new one.
    void rechecker.schedule();
  };

  context.subscriptions.push(
    statusBar,
    rechecker,
    history.onDidChange((change) => {
      if (change.type === 'reset') void rechecker.schedule();
    }),
    ...(developmentKey === undefined ? [] : [developmentKey.onDidChange(() => void rechecker.schedule())]),
    vscode.workspace.registerTextDocumentContentProvider(HELP_SCHEME, new HelpDocuments(controller)),
    controller.onDidChangeState(() => void setState()),
    history.onDidChangeWriteProblem((problem) => {
      if (problem !== undefined) void warnHistoryUnwritable(problem);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (![...LISTENER_SETTINGS, ...HISTORY_SETTINGS].some((id) => event.affectsConfiguration(id))) return;
      cancelPendingRestart();
      pendingRestart = setTimeout(() => void onSettingsChanged().catch((error: unknown) => log.error(`applying the new settings failed: ${String(error)}`)), SETTINGS_DEBOUNCE_MS);
    }),
    { dispose: cancelPendingRestart },
    ...registerListenerCommands(commandDeps),
  );
  void setState();

  const ready = (async () => {
    const settings = readListenerSettings(readSetting);
    await openHistory({ maxEvents: settings.maxEvents, maxSizeMB: settings.maxSizeMB });
    statusBar.update();
    // Auto-start never happens in an untrusted workspace: starting there needs the user's yes.
    if (settings.autoStart && vscode.workspace.isTrusted) await startInteractively(commandDeps, false);
  })().catch((error: unknown) => log.error(`start-up failed: ${String(error)}`));

  return {
    history,
    controller,
    statusBar,
    rechecker,
    ready,
    async shutdown() {
      cancelPendingRestart();
      await ready;
      await controller.dispose();
      await history.dispose();
    },
  };
}
