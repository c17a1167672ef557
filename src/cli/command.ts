import { type CliIo } from './io';

/** One CLI command: `run` resolves to the process exit code. */
export interface CliCommand {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
