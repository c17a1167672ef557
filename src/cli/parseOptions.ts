import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

/**
 * Node's `parseArgs` (strict unless told otherwise), with its complaints (an unknown option, a
 * missing value) turned into a one-line UsageError in our words: Node's own messages span
 * several lines and quote the option in ways that read as broken.
 */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(optionProblem(error));
  }
}

/** What was wrong with the options, from Node's error code and the option it names. */
function optionProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = message ?? String(error);
  const option = /^(?:Unknown option|Option) '(-{1,2}[^' <]+)/.exec(text)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    if (text.includes('does not take an argument')) return `${option} takes no value`;
    // Missing, or followed by another option: a value that starts with "-" must be attached.
    return `${option} needs a value (for one that starts with "-", write ${option}=-…)`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /^Unexpected argument '([^']*)'/.exec(text)?.[1];
    return argument === undefined ? 'this command takes no file or name' : `unexpected argument ${JSON.stringify(argument)}: this command takes only options`;
  }
  return text.split('\n')[0];
}
