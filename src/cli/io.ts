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

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};
