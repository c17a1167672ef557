import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { COMMAND } from '../commandIds';

/**
 * Registers a command whose failures stop at its boundary: logged, then shown to the user with
 * a way to the log, never thrown into the extension host.
 */
export function registerGuarded<Args extends unknown[], Result>(
  id: string,
  title: string,
  log: Logger,
  run: (...args: Args) => Promise<Result> | Result,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: Args): Promise<Result | undefined> => {
    try {
      return await run(...args);
    } catch (error) {
      log.error(error instanceof Error ? error : String(error));
      const showLog = 'Show Log';
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`Postal: ${title} failed: ${message}`, showLog).then((answer) => {
        if (answer === showLog) void vscode.commands.executeCommand(COMMAND.showLog);
      });
      return undefined;
    }
  });
}
