import * as vscode from 'vscode';
import { escapingLogger, type Logger } from '../core/logger';

/** The one output channel of the extension; `{ log: true }` gives levels and timestamps. */
export function createLogChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Postal Webhooks', { log: true });
}

/**
 * Adapts the channel to the core `Logger`, so core modules can log without `vscode`. Messages
 * quote what was received (paths, event names, bodies at trace level), so every one is escaped.
 */
export function loggerFor(channel: vscode.LogOutputChannel): Logger {
  return escapingLogger({
    trace: (message) => channel.trace(message),
    debug: (message) => channel.debug(message),
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message) => channel.error(message),
  });
}
