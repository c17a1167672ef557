import { globProblem } from '../../core/globProblem';
import { isRuleId } from '../../core/lint/ruleIds';
import { isSeveritySetting, type SeveritySetting } from '../../core/lint/types';
import { type SettingProblem, SettingsReader } from '../settingsReader';

/** The `postalWebhooks.lint.*` settings; package.json declares the same keys (a unit test checks). */
export const LINT_SECTION = 'postalWebhooks.lint';
export const LINT_SETTING_KEYS = ['enable', 'include', 'autoDetect', 'rules', 'maxFileSizeMB'] as const;
type LintSettingKey = (typeof LINT_SETTING_KEYS)[number];

export const LINT_DEFAULTS = { enable: true, include: [] as string[], autoDetect: true, maxFileSizeMB: 10 } as const;

export interface LintSettings {
  enable: boolean;
  /** Globs of extra files to lint, matched against workspace-relative paths (compiled when first needed). */
  include: readonly string[];
  autoDetect: boolean;
  rules: Record<string, SeveritySetting>;
  maxFileSizeMB: number;
}

export interface ParsedLintSettings {
  settings: LintSettings;
  /** What was ignored and why; the user's other settings still apply. */
  problems: SettingProblem[];
}

/** Reads the settings through `get` (a lookup by key in the lint section), setting aside values that make no sense. */
export function parseLintSettings(get: (key: LintSettingKey) => unknown): ParsedLintSettings {
  const reader = new SettingsReader(LINT_SECTION, get);
  const settings: LintSettings = {
    enable: reader.boolean('enable', LINT_DEFAULTS.enable),
    autoDetect: reader.boolean('autoDetect', LINT_DEFAULTS.autoDetect),
    maxFileSizeMB: reader.number('maxFileSizeMB', LINT_DEFAULTS.maxFileSizeMB, { min: 0.1, unit: ' MB' }),
    include: parseInclude(reader),
    rules: parseRules(reader),
  };
  return { settings, problems: reader.problems };
}

function parseInclude(reader: SettingsReader<LintSettingKey>): string[] {
  const value = reader.raw('include');
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    reader.report('include', `${LINT_SECTION}.include must be a list of globs; ignored`);
    return [];
  }
  return value.flatMap((pattern: unknown) => {
    if (typeof pattern !== 'string' || pattern.trim() === '') {
      reader.report('include', `${LINT_SECTION}.include: ${JSON.stringify(pattern)} is not a glob; ignored`);
      return [];
    }
    const problem = globProblem(pattern.trim());
    if (problem === undefined) return [pattern.trim()];
    reader.report('include', `${LINT_SECTION}.include: ${problem} Ignored.`);
    return [];
  });
}

function parseRules(reader: SettingsReader<LintSettingKey>): Record<string, SeveritySetting> {
  const value = reader.raw('rules');
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    reader.report('rules', `${LINT_SECTION}.rules must map rule ids to error, warning, info, hint or off; ignored`);
    return {};
  }
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
    if (!isRuleId(id)) reader.report('rules', `${LINT_SECTION}.rules: there is no rule ${id}; ignored`);
    else if (!isSeveritySetting(level)) reader.report('rules', `${LINT_SECTION}.rules: ${id} must be error, warning, info, hint or off, not ${JSON.stringify(level)}; ignored`);
    else rules[id] = level;
  }
  return rules;
}
