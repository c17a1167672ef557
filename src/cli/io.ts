import { safeLines } from '../core/safeText';

/** Where a CLI command writes, so commands can be run in tests without a child process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal that shows colours. */
  color: boolean;
  /** The folder relative paths start from; the process's own when absent (tests give their own). */
  cwd?: string;
}

/** Exit codes shared by every command: 0 fine, 1 the input has errors, 2 usage or I/O error. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** Why a file could not be read, in a few words (not Node's `ENOENT: no such file or directory, open '…'`). */
export function readErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  // Messages only, never colours: whatever a message quotes (a file name, a setting) cannot drive the terminal.
  err: (text) => process.stderr.write(safeLines(text.endsWith('\n') ? text : text + '\n')),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};
