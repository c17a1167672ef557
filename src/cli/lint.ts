import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { isSeveritySetting, LINT_RULES, lintDocument, looksLikePostalText, POSTAL_SNIFF_CHARS, ruleById, type SeveritySetting } from '../core/lint';
import { type CliIo, EXIT, readErrorText, UsageError } from './io';
import { type CliCommand } from './command';
import { countSeverities, type FileReport, formatJson, formatText, toCliDiagnostics } from './lintReport';
import { type LintTarget, resolveTargets } from './lintTargets';
import { parseOptions } from './parseOptions';

const USAGE = `Usage: postal-webhooks lint [paths or globs...] [options]

Lints Postal webhook payload files with the same rules as the editor. Folders and globs
(quote them: 'test/**/*.json') find *.postal.json and *.postal.jsonl, and other .json files
whose root is a Postal webhook body (node_modules and .git are skipped); files named
explicitly are linted whatever their name (.jsonl and .ndjson as one body per line). Without
paths, the current folder is searched.

Options:
  --format text|json     output format (default text: file:line:col severity rule message)
  --rule <id>=<level>    change a rule's severity: error, warning, info, hint or off (repeatable)
  --max-warnings <n>     exit 1 when there are more than n warnings
  --include-json         accepted for older scripts: folders always include such .json files

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or read error, or a
path, folder or glob that finds no payload file.

Rules:
${LINT_RULES.map((rule) => `  ${rule.id.padEnd(30)} ${rule.defaultSeverity.padEnd(8)} ${rule.description}`).join('\n')}`;

interface LintArgs {
  paths: string[];
  format: 'text' | 'json';
  rules: Record<string, SeveritySetting>;
  maxWarnings: number | undefined;
}

function parseLintArgs(args: string[]): LintArgs {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      rule: { type: 'string', multiple: true, default: [] },
      'max-warnings': { type: 'string' },
      'include-json': { type: 'boolean', default: false },
    },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not ${values.format}`);
  return {
    paths: positionals,
    format: values.format,
    rules: Object.fromEntries(values.rule.map(parseRuleOption)),
    maxWarnings: parseMaxWarnings(values['max-warnings']),
  };
}

function parseRuleOption(option: string): [string, SeveritySetting] {
  const [id, level] = option.split('=');
  if (!id || level === undefined) throw new UsageError(`--rule takes <id>=<level>, e.g. --rule postal/unknown-key=off (got ${option})`);
  if (!ruleById(id)) throw new UsageError(`unknown rule ${id}; --help lists the rules`);
  if (!isSeveritySetting(level)) throw new UsageError(`${id}: level must be error, warning, info, hint or off (got ${level})`);
  return [id, level];
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, not ${value}`);
  return Number(value);
}

async function runLint(args: string[], io: CliIo): Promise<number> {
  const options = parseLintArgs(args);
  const { targets, problems, failed, args: paths } = resolveTargets(options.paths, io.cwd ?? process.cwd());
  const files: FileReport[] = [];
  const found = new Set<number>();
  for (const target of targets) {
    const text = readTarget(target, problems);
    if (text === undefined) continue;
    target.sources.forEach((source) => found.add(source));
    const issues = lintDocument(text, { format: target.format, rules: options.rules });
    files.push({ path: target.path, diagnostics: toCliDiagnostics(text, issues) });
  }
  paths.forEach((path, index) => {
    if (!found.has(index) && !failed.has(index)) problems.push(`${path}: ${NOTHING_FOUND}`);
  });
  // "No problems in 0 files" beside a path that could not be read would read as a pass.
  const nothingLinted = files.length === 0 && problems.length > 0;
  if (options.format === 'json') io.out(formatJson(files));
  else if (!nothingLinted) io.out(formatText(files, io.color));
  for (const problem of problems) io.err(`postal-webhooks lint: ${problem}`);
  if (problems.length > 0) return EXIT.usage;
  const counts = countSeverities(files);
  if (counts.error > 0) return EXIT.problems;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    if (options.format === 'text') io.err(`postal-webhooks lint: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** Why a folder or glob found nothing to lint (a typo must not pass CI as "no problems"). */
const NOTHING_FOUND = 'no Postal payload file found (*.postal.json, *.postal.jsonl, or a .json file holding a webhook body)';

/**
 * The file's text, without a byte order mark; undefined when it cannot be read (said in
 * `problems`) or, for a file found by a search, when it is not a Postal body (only its first
 * few KiB are read to decide).
 */
function readTarget(target: LintTarget, problems: string[]): string | undefined {
  try {
    if (target.onlyIfPostal && !looksLikePostalText(withoutBom(readStart(target.absolutePath)))) return undefined;
    return withoutBom(readFileSync(target.absolutePath, 'utf8'));
  } catch (error) {
    problems.push(`cannot read ${target.path}: ${readErrorText(error)}`);
    return undefined;
  }
}

function readStart(path: string): string {
  const buffer = Buffer.alloc(POSTAL_SNIFF_CHARS * 4);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export const lintCommand: CliCommand = {
  usage: USAGE,
  run: runLint,
};
