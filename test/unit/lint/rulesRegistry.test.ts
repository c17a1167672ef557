import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LINT_RULES, SEVERITIES } from '../../../src/core/lint';
import { LINT_SETTING_KEYS } from '../../../src/vscode/diagnostics/lintSettings';
import { MANIFEST, settingsOf } from '../helpers/manifest';

const REPO = join(__dirname, '../../../..');
const settings = settingsOf(MANIFEST);

/** `postal/status-mismatch` → `statusMismatch`, the file the rule lives in. */
function fileNameOf(id: string): string {
  return id.replace(/^postal\//, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

describe('lint rule registry', () => {
  it('has unique postal/ ids, each with a one-line description', () => {
    const ids = LINT_RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of LINT_RULES) {
      assert.match(rule.id, /^postal\/[a-z]+(-[a-z]+)*$/);
      assert.ok(rule.description.length > 10 && !rule.description.includes('\n'), rule.id);
    }
  });

  it('matches the postalWebhooks.lint.rules setting in package.json, both ways', () => {
    const declared = settings['postalWebhooks.lint.rules'].properties ?? {};
    assert.deepEqual(Object.keys(declared).sort(), LINT_RULES.map((rule) => rule.id).sort());
    for (const rule of LINT_RULES) {
      assert.equal(declared[rule.id].default, rule.defaultSeverity, rule.id);
      assert.deepEqual(declared[rule.id].enum, [...SEVERITIES, 'off'], rule.id);
    }
  });

  it('declares exactly the lint settings the code reads', () => {
    const declared = Object.keys(settings).filter((key) => key.startsWith('postalWebhooks.lint.')).map((key) => key.slice('postalWebhooks.lint.'.length));
    assert.deepEqual(declared.sort(), [...LINT_SETTING_KEYS].sort());
  });

  it('keeps one rule per file, named after the rule, each with its own test file', () => {
    const ruleFiles = readdirSync(join(REPO, 'src/core/lint/rules')).map((file) => file.replace(/\.ts$/, ''));
    for (const rule of LINT_RULES) {
      assert.ok(ruleFiles.includes(fileNameOf(rule.id)), `src/core/lint/rules/${fileNameOf(rule.id)}.ts`);
      assert.ok(existsSync(join(REPO, 'test/unit/lint/rules', `${fileNameOf(rule.id)}.test.ts`)), `test for ${rule.id}`);
    }
  });

  it('lists every rule in the README table with its default and description, and no other', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    for (const rule of LINT_RULES) {
      const row = `| \`${rule.id}\` | ${rule.defaultSeverity} | ${rule.description} |`;
      assert.ok(readme.includes(row), `README lacks the row\n${row}`);
    }
    const rows = readme.split('\n').filter((line) => /^\| `postal\//.test(line));
    assert.equal(rows.length, LINT_RULES.length);
  });

  it('describes each rule in its setting with the registry’s words', () => {
    const declared = settings['postalWebhooks.lint.rules'].properties ?? {};
    for (const rule of LINT_RULES) {
      const entry = declared[rule.id] as { markdownDescription?: string };
      assert.equal(entry.markdownDescription, `${rule.description} Default: \`${rule.defaultSeverity}\`.`);
    }
  });
});
