import * as vscode from 'vscode';
import { componentLogger } from './core/logger';
import { COMMAND, VIEW } from './vscode/commandIds';
import { createLogChannel, loggerFor } from './vscode/logging';
import { registerLinting } from './vscode/diagnostics/registerLinting';
import { registerReplay } from './vscode/replay/registerReplay';
import { registerTestCommands } from './vscode/testCommands';
import { registerEventsView } from './vscode/tree/eventsTreeProvider';

/** Composition root: builds each part once and hands every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): void {
  const channel = createLogChannel();
  context.subscriptions.push(channel);
  const baseLog = loggerFor(channel);
  const log = componentLogger(baseLog, 'extension');

  registerEventsView(context, VIEW.events);
  registerLinting(context, baseLog);
  context.subscriptions.push(vscode.commands.registerCommand(COMMAND.showLog, () => channel.show(true)));
  registerReplay(context, { log: componentLogger(baseLog, 'replay') });

  registerTestCommands(context, {
    state: () => ({ activated: true, extensionMode: context.extensionMode, logChannel: channel.name }),
  });
  log.info(`activated (VS Code ${vscode.version})`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
