import { type Logger } from '../../../src/core/logger';

/** A logger that keeps every line with its level (`warn refused …`), to check what goes where. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string | Error) => lines.push(`${level} ${String(message)}`);
  return { lines, trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
