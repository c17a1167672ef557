import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

/**
 * Node's `parseArgs` (strict unless told otherwise), with its complaints (an unknown option, a
 * missing value) turned into a UsageError, so the command's usage is printed under them.
 */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
