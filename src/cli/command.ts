import { type CliIo } from './io';

/** One CLI command: `run` resolves to the process exit code. */
export interface CliCommand {
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** A command as the help lists it; its code loads only when it is asked for. */
export interface CliCommandEntry {
  summary: string;
  load(): Promise<CliCommand>;
}
