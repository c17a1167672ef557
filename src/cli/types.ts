import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isTypeLanguage, renderTypes, TYPE_LANGUAGES, type TypeLanguage } from '../core/types';
import { PACKAGE_VERSION } from '../version';
import { type CliCommand } from './command';
import { type CliIo, EXIT, UsageError } from './io';
import { parseOptions } from './parseOptions';

export const TYPES_USAGE = `Usage: postal-webhooks types --lang ts|python|go|php|ruby [--out FILE]

Prints the payload types of all 10 Postal webhook events for your app, generated from the same
event model this tool validates webhooks with, every field documented:
${Object.entries(TYPE_LANGUAGES).map(([id, language]) => `  ${id.padEnd(8)} ${language.detail}`).join('\n')}

Options:
  --lang LANG   The language (also: typescript, py, golang, rb)
  --out FILE    Write the types to FILE instead of printing them
  -h, --help    Show this help

Exit codes: 0 written, 2 bad options or the file could not be written.`;

const ALIASES: Record<string, TypeLanguage> = { typescript: 'ts', py: 'python', golang: 'go', rb: 'ruby' };

export const typesCommand: CliCommand = {
  usage: TYPES_USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { language, out } = parseTypesArgs(args);
    const text = renderTypes(language, PACKAGE_VERSION);
    if (out === undefined) {
      io.out(text);
      return EXIT.ok;
    }
    try {
      await writeFile(resolve(out), text);
    } catch (error) {
      io.err(`postal-webhooks types: could not write ${resolve(out)}: ${(error as Error).message}`);
      return EXIT.usage;
    }
    io.out(`Wrote the ${TYPE_LANGUAGES[language].label} types of all 10 Postal events to ${resolve(out)}`);
    return EXIT.ok;
  },
};

function parseTypesArgs(args: string[]): { language: TypeLanguage; out: string | undefined } {
  const { values } = parseOptions({ args, strict: true, allowPositionals: false, options: { lang: { type: 'string' }, out: { type: 'string' } } });
  const names = Object.keys(TYPE_LANGUAGES).join(', ');
  if (values.lang === undefined) throw new UsageError(`--lang is required: one of ${names}.`);
  const wanted = values.lang.toLowerCase();
  const language = isTypeLanguage(wanted) ? wanted : ALIASES[wanted];
  if (language === undefined) throw new UsageError(`--lang must be one of ${names}, not '${values.lang}'.`);
  if (values.out === '') throw new UsageError('--out needs a file name.');
  return { language, out: values.out };
}
