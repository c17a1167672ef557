import * as vscode from 'vscode';
import { componentLogger } from './core/logger';
import { COMMAND } from './vscode/commandIds';
import { registerLinting } from './vscode/diagnostics/registerLinting';
import { explorerProbe } from './vscode/explorerProbe';
import { registerListener } from './vscode/listener/registerListener';
import { localWebhookUrl } from './vscode/listener/webhookUrl';
import { createLogChannel, loggerFor } from './vscode/logging';
import { registerDevelopmentKey } from './vscode/replay/developmentKey';
import { registerReplay } from './vscode/replay/registerReplay';
import { registerTestCommands } from './vscode/testCommands';
import { registerCopyTypes } from './vscode/types/copyTypes';
import { registerEventsView } from './vscode/tree/registerEventsView';
import { registerWalkthrough } from './vscode/walkthrough/registerWalkthrough';

/** Stops the listener and closes the history file; set while active. */
let shutdown: (() => Promise<void>) | undefined;

/** Composition root: builds each part once and hands every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): void {
  const channel = createLogChannel();
  context.subscriptions.push(channel);
  const baseLog = loggerFor(channel);
  const log = componentLogger(baseLog, 'extension');

  const developmentKey = registerDevelopmentKey(context, componentLogger(baseLog, 'replay'));
  const listener = registerListener(context, baseLog, { developmentKey });
  shutdown = listener.shutdown;
  const events = registerEventsView(context, listener, baseLog);
  registerLinting(context, baseLog);
  registerWalkthrough(context, listener);
  context.subscriptions.push(vscode.commands.registerCommand(COMMAND.showLog, () => channel.show(true)));
  const replay = registerReplay(context, {
    log: componentLogger(baseLog, 'replay'),
    ownListenerUrl: () => localWebhookUrl(listener.controller),
    records: events.view.records,
    keys: developmentKey,
  });
  context.subscriptions.push(registerCopyTypes(context.extensionUri, componentLogger(baseLog, 'types')));

  registerTestCommands(context, {
    state: () => ({ activated: true, extensionMode: context.extensionMode, logChannel: channel.name }),
    ...explorerProbe(listener, events, replay.answers),
  });
  log.info(`activated (VS Code ${vscode.version})`);
}

/** VS Code waits for this: the listener's port is released and the history flushed to disk. */
export async function deactivate(): Promise<void> {
  await shutdown?.();
  shutdown = undefined;
}
