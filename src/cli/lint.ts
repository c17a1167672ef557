import { readFileSync } from 'node:fs';
import { isSeveritySetting, LINT_RULES, lintDocument, looksLikePostalText, ruleById, type SeveritySetting } from '../core/lint';
import { type CliIo, EXIT, UsageError } from './io';
import { type CliCommand } from './command';
import { countSeverities, type FileReport, formatJson, formatText, toCliDiagnostics } from './lintReport';
import { type LintTarget, resolveTargets } from './lintTargets';
import { parseOptions } from './parseOptions';

const USAGE = `Usage: postal-webhooks lint [paths or globs...] [options]

Lints Postal webhook payload files with the same rules as the editor. Folders are searched for
*.postal.json and *.postal.jsonl (node_modules and .git are skipped); files named explicitly
are linted whatever their name (.jsonl and .ndjson as one body per line). Without paths, the
current folder is searched.

Options:
  --format text|json     output format (default text: file:line:col severity rule message)
  --rule <id>=<level>    change a rule's severity: error, warning, info, hint or off (repeatable)
  --max-warnings <n>     exit 1 when there are more than n warnings
  --include-json         in folders, also lint every *.json whose root is a Postal webhook body

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or read error.

Rules:
${LINT_RULES.map((rule) => `  ${rule.id.padEnd(30)} ${rule.defaultSeverity.padEnd(8)} ${rule.description}`).join('\n')}`;

interface LintArgs {
  paths: string[];
  format: 'text' | 'json';
  rules: Record<string, SeveritySetting>;
  maxWarnings: number | undefined;
  includeJson: boolean;
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
    includeJson: values['include-json'],
  };
}

function parseRuleOption(option: string): [string, SeveritySetting] {
  const [id, level] = option.split('=');
  if (!id || level === undefined) throw new UsageError(`--rule takes <id>=<level>, e.g. --rule postal/unknown-key=off (got ${option})`);
  if (!ruleById(id)) throw new UsageError(`unknown rule ${id}; the rules are listed below`);
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
  const resolved = resolveTargets(options.paths, process.cwd(), options.includeJson);
  if (!resolved.ok) {
    io.err(`postal-webhooks lint: ${resolved.message}`);
    return EXIT.usage;
  }
  const files: FileReport[] = [];
  let readFailed = false;
  for (const target of resolved.targets) {
    const text = readTarget(target, io);
    if (text === undefined) {
      readFailed = true;
      continue;
    }
    if (target.onlyIfPostal && !looksLikePostalText(text)) continue;
    const issues = lintDocument(text, { format: target.format, rules: options.rules });
    files.push({ path: target.path, diagnostics: toCliDiagnostics(text, issues) });
  }
  io.out(options.format === 'json' ? formatJson(files) : formatText(files, io.color));
  if (readFailed) return EXIT.usage;
  const counts = countSeverities(files);
  if (counts.error > 0) return EXIT.problems;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    if (options.format === 'text') io.err(`postal-webhooks lint: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** Reads a file as UTF-8 without a byte order mark; reports and returns undefined if it cannot. */
function readTarget(target: LintTarget, io: CliIo): string | undefined {
  try {
    const text = readFileSync(target.absolutePath, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder' : error instanceof Error ? error.message : String(error);
    io.err(`postal-webhooks lint: cannot read ${target.path}: ${reason}`);
    return undefined;
  }
}

export const lintCommand: CliCommand = {
  summary: 'lint webhook payload files (*.postal.json, *.postal.jsonl)',
  usage: USAGE,
  run: runLint,
};
