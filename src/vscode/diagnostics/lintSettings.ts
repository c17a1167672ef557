import { globMatcher, type GlobMatcher } from '../../core/glob';
import { isSeveritySetting, ruleById, type SeveritySetting } from '../../core/lint';

/** The `postalWebhooks.lint.*` settings; package.json declares the same keys (a unit test checks). */
export const LINT_SECTION = 'postalWebhooks.lint';
export const LINT_SETTING_KEYS = ['enable', 'include', 'autoDetect', 'rules', 'maxFileSizeMB'] as const;
type LintSettingKey = (typeof LINT_SETTING_KEYS)[number];

export const LINT_DEFAULTS = { enable: true, include: [] as string[], autoDetect: true, maxFileSizeMB: 10 } as const;

export interface LintSettings {
  enable: boolean;
  /** Globs of extra files to lint, matched against workspace-relative paths. */
  include: GlobMatcher[];
  autoDetect: boolean;
  rules: Record<string, SeveritySetting>;
  maxFileSizeMB: number;
}

export interface ParsedLintSettings {
  settings: LintSettings;
  /** What was ignored and why, for the log; the user's other settings still apply. */
  warnings: string[];
}

/** Reads the settings through `get` (a configuration lookup), dropping values that make no sense. */
export function parseLintSettings(get: (key: LintSettingKey) => unknown): ParsedLintSettings {
  const warnings: string[] = [];
  const enable = get('enable');
  const autoDetect = get('autoDetect');
  const size = get('maxFileSizeMB');
  const settings: LintSettings = {
    enable: typeof enable === 'boolean' ? enable : LINT_DEFAULTS.enable,
    autoDetect: typeof autoDetect === 'boolean' ? autoDetect : LINT_DEFAULTS.autoDetect,
    maxFileSizeMB: typeof size === 'number' && size > 0 ? size : LINT_DEFAULTS.maxFileSizeMB,
    include: parseInclude(get('include'), warnings),
    rules: parseRules(get('rules'), warnings),
  };
  return { settings, warnings };
}

function parseInclude(value: unknown, warnings: string[]): GlobMatcher[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    warnings.push(`${LINT_SECTION}.include must be a list of globs; ignored`);
    return [];
  }
  return value.flatMap((pattern: unknown) => {
    if (typeof pattern === 'string' && pattern.trim() !== '') return [globMatcher(pattern.trim(), { matchBase: true })];
    warnings.push(`${LINT_SECTION}.include: ${JSON.stringify(pattern)} is not a glob; ignored`);
    return [];
  });
}

function parseRules(value: unknown, warnings: string[]): Record<string, SeveritySetting> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    warnings.push(`${LINT_SECTION}.rules must map rule ids to error, warning, info, hint or off; ignored`);
    return {};
  }
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
    if (!ruleById(id)) warnings.push(`${LINT_SECTION}.rules: there is no rule ${id}; ignored`);
    else if (!isSeveritySetting(level)) warnings.push(`${LINT_SECTION}.rules: ${id} must be error, warning, info, hint or off, not ${JSON.stringify(level)}; ignored`);
    else rules[id] = level;
  }
  return rules;
}
