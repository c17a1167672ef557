import type * as vscode from 'vscode';
import { type Logger } from '../core/logger';
import { registerGuarded } from './guarded';

/** What a command does, by command id. */
export type CommandHandlers = Readonly<Record<string, (...args: never[]) => unknown>>;

/** A module of command handlers, built for the services they share. */
export interface CommandModule<Services> {
  commandHandlers(services: Services): CommandHandlers;
}

/**
 * Registers commands whose code loads when one of them first runs: VS Code needs every command
 * registered at activation, but not the code behind it. `titles` names each command id for its
 * error message; `load` imports the module (e.g. `() => import('./exportCommands.js')`) once.
 */
export function registerLazyCommands<Services>(
  titles: Readonly<Record<string, string>>,
  load: () => Promise<CommandModule<Services>>,
  services: Services & { log: Logger },
): vscode.Disposable[] {
  let handlers: Promise<CommandHandlers> | undefined;
  const handlersOnce = (): Promise<CommandHandlers> => {
    handlers ??= load().then((module) => module.commandHandlers(services), (error: unknown) => {
      handlers = undefined; // a failed import is tried again next time
      throw error;
    });
    return handlers;
  };
  return Object.entries(titles).map(([id, title]) =>
    registerGuarded(id, title, services.log, async (...args: unknown[]) => {
      const handler = (await handlersOnce())[id] as ((...args: unknown[]) => unknown) | undefined;
      if (!handler) throw new Error(`no handler for ${id}`);
      return handler(...args);
    }),
  );
}
