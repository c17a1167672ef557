import { safeLines, safeText } from './safeText';

/**
 * The logging surface core code writes to. The extension backs it with a VS Code
 * LogOutputChannel and the CLI with stderr, so core stays free of both.
 * Bodies and headers go to `trace` only; secrets never go anywhere.
 */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

/** A logger that drops everything: the default where a caller does not care. */
export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Prefixes every message with `[component]` so one channel can serve every part. */
export function componentLogger(base: Logger, component: string): Logger {
  const prefix = `[${component}] `;
  return {
    trace: (message) => base.trace(prefix + message),
    debug: (message) => base.debug(prefix + message),
    info: (message) => base.info(prefix + message),
    warn: (message) => base.warn(prefix + message),
    error: (message) => base.error(typeof message === 'string' ? prefix + message : prefix + (message.stack ?? message.message)),
  };
}

/**
 * A logger for a readable log (the editor's channel): each message is one line with its control
 * characters escaped (see `safeText`), so nothing received can forge a line or hide text. An
 * error keeps its line breaks (a stack trace), with everything else escaped.
 */
export function escapingLogger(base: Logger): Logger {
  return {
    trace: (message) => base.trace(safeText(message)),
    debug: (message) => base.debug(safeText(message)),
    info: (message) => base.info(safeText(message)),
    warn: (message) => base.warn(safeText(message)),
    error: (message) => base.error(safeLines(typeof message === 'string' ? message : (message.stack ?? message.message))),
  };
}
