import * as assert from 'node:assert/strict';
import { compileGlob } from '../../../src/core/glob';
import { LINT_DEFAULTS, type LintSettings, parseLintSettings } from '../../../src/vscode/diagnostics/lintSettings';
import * as sniffer from '../../../src/core/lint/looksLikePostalText';
import { type DocumentLike, exceedsSizeLimit, lintFormatFor, rulesShownElsewhere } from '../../../src/vscode/diagnostics/lintTarget';
import { compact, packageLockLike, sampleText } from './lintHelpers';

function settings(values: Record<string, unknown> = {}): LintSettings {
  return parseLintSettings((key) => values[key]).settings;
}

function doc(path: string, languageId: string, text: string, scheme = 'file'): DocumentLike {
  const lines = text.split(/\r?\n/);
  return { uri: { scheme, path }, languageId, version: 1, lineCount: lines.length, lineAt: (line) => ({ text: lines[line] }) };
}

const ENVELOPE = sampleText('MessageSent');

describe('lint settings', () => {
  it('falls back to the defaults', () => {
    const parsed = settings();
    assert.equal(parsed.enable, LINT_DEFAULTS.enable);
    assert.equal(parsed.autoDetect, true);
    assert.deepEqual(parsed.rules, {});
    assert.equal(parsed.maxFileSizeMB, 10);
  });

  it('keeps valid rule severities and reports what it ignores', () => {
    const { settings: parsed, problems } = parseLintSettings((key) =>
      key === 'rules' ? { 'postal/unknown-key': 'off', 'postal/nope': 'error', 'postal/schema': 'loud' } : key === 'include' ? ['*.webhook.json', 3] : undefined,
    );
    assert.deepEqual(parsed.rules, { 'postal/unknown-key': 'off' });
    assert.equal(parsed.include.length, 1);
    assert.equal(problems.length, 3);
    assert.match(problems.map((problem) => problem.message).join('\n'), /no rule postal\/nope/);
    assert.deepEqual(problems.map((problem) => problem.setting), ['postalWebhooks.lint.include', 'postalWebhooks.lint.rules', 'postalWebhooks.lint.rules']);
  });

  it('reports a switch or size it cannot use, and uses the default instead', () => {
    const { settings: parsed, problems } = parseLintSettings((key) => ({ enable: 'no', autoDetect: 0, maxFileSizeMB: -1 })[key as string]);
    assert.deepEqual([parsed.enable, parsed.autoDetect, parsed.maxFileSizeMB], [LINT_DEFAULTS.enable, LINT_DEFAULTS.autoDetect, LINT_DEFAULTS.maxFileSizeMB]);
    assert.deepEqual(problems.map((problem) => problem.setting), ['postalWebhooks.lint.enable', 'postalWebhooks.lint.autoDetect', 'postalWebhooks.lint.maxFileSizeMB']);
    assert.match(problems[2].message, /^postalWebhooks\.lint\.maxFileSizeMB is -1: use a number of 0\.1 MB or more\./);
  });
});

describe('which documents are linted', () => {
  it('always lints *.postal.json and *.postal.jsonl, whatever they hold', () => {
    assert.equal(lintFormatFor(doc('/w/a.postal.json', 'json', '{}'), 'a.postal.json', settings(), undefined, sniffer), 'json');
    assert.equal(lintFormatFor(doc('/w/a.postal.jsonl', 'jsonl', ''), 'a.postal.jsonl', settings(), undefined, sniffer), 'jsonl');
  });

  it('lints files matching an include glob, by workspace-relative path or file name', () => {
    const withInclude = settings({ include: ['fixtures/**/*.json', '*.webhook', '*a*a*a*.json'] });
    assert.deepEqual(withInclude.include, ['fixtures/**/*.json', '*.webhook'], 'a pattern with too many * is left out');
    const matchers = withInclude.include.map((pattern) => compileGlob(pattern, { matchBase: true })).flatMap((compiled) => (compiled.ok ? [compiled.matches] : []));
    const included = (path: string): boolean => matchers.some((matches) => matches(path));
    assert.equal(lintFormatFor(doc('/w/fixtures/x/a.json', 'json', '{}'), 'fixtures/x/a.json', withInclude, included, sniffer), 'json');
    assert.equal(lintFormatFor(doc('/w/deep/a.webhook', 'plaintext', '{}'), 'deep/a.webhook', withInclude, included, sniffer), 'json');
    assert.equal(lintFormatFor(doc('/w/other/a.json', 'json', '{}'), 'other/a.json', withInclude, included, sniffer), undefined);
  });

  it('auto-detects JSON and JSON Lines whose root is a webhook body, unless switched off', () => {
    assert.equal(lintFormatFor(doc('/w/captured.json', 'json', ENVELOPE), 'captured.json', settings(), undefined, sniffer), 'json');
    assert.equal(lintFormatFor(doc('/w/broken.json', 'json', `${ENVELOPE.slice(0, -2)},\n}`), 'broken.json', settings(), undefined, sniffer), 'json');
    assert.equal(lintFormatFor(doc('/w/log.jsonl', 'jsonl', `\n${compact(ENVELOPE)}\n`), 'log.jsonl', settings(), undefined, sniffer), 'jsonl');
    assert.equal(lintFormatFor(doc('/w/package.json', 'json', '{"name":"x"}'), 'package.json', settings(), undefined, sniffer), undefined);
    assert.equal(lintFormatFor(doc('/w/captured.json', 'json', ENVELOPE), 'captured.json', settings({ autoDetect: false }), undefined, sniffer), undefined);
    assert.equal(lintFormatFor(doc('/w/captured.json', 'json', ENVELOPE), 'captured.json', settings()), undefined, 'no detector, no detection');
  });

  it('reads only the first lines of a large JSON file, once per version', () => {
    const lines = packageLockLike(200 * 1024).split('\n');
    let linesRead = 0;
    const document = { uri: { scheme: 'file', path: '/w/package-lock.json' }, languageId: 'json', version: 1, lineCount: lines.length, lineAt: (line: number) => { linesRead++; return { text: lines[line] }; } };
    assert.equal(lintFormatFor(document, 'package-lock.json', settings(), undefined, sniffer), undefined);
    assert.ok(linesRead > 0 && linesRead * 20 < lines.length, `read ${linesRead} of ${lines.length} lines`);
    const firstRead = linesRead;
    assert.equal(lintFormatFor(document, 'package-lock.json', settings(), undefined, sniffer), undefined);
    assert.equal(linesRead, firstRead, 'the same version is not read again');
    document.version = 2;
    assert.equal(lintFormatFor(document, 'package-lock.json', settings(), undefined, sniffer), undefined);
    assert.equal(linesRead, firstRead * 2, 'a new version is read again');
  });

  it('lints nothing when disabled, and no read-only views such as git history', () => {
    assert.equal(lintFormatFor(doc('/w/a.postal.json', 'json', '{}'), 'a.postal.json', settings({ enable: false }), undefined, sniffer), undefined);
    assert.equal(lintFormatFor(doc('/w/a.postal.json', 'json', '{}', 'git'), 'a.postal.json', settings(), undefined, sniffer), undefined);
    assert.equal(lintFormatFor(doc('Untitled-1', 'json', ENVELOPE, 'untitled'), 'Untitled-1', settings(), undefined, sniffer), 'json');
  });

  it('knows when a document is over the size limit', () => {
    assert.ok(exceedsSizeLimit('x'.repeat(2 * 1024 * 1024 + 1), settings({ maxFileSizeMB: 2 })));
    assert.ok(!exceedsSizeLimit('x'.repeat(1024), settings()));
  });
});

describe('problems the JSON language service already shows', () => {
  it('holds back syntax and duplicate-key findings in JSON documents while JSON validation is on', () => {
    assert.deepEqual([...rulesShownElsewhere('json', true)].sort(), ['postal/duplicate-key', 'postal/json-syntax']);
  });

  it('shows everything in JSON Lines and other documents, and when JSON validation is off', () => {
    assert.equal(rulesShownElsewhere('jsonl', true).size, 0);
    assert.equal(rulesShownElsewhere('plaintext', true).size, 0);
    assert.equal(rulesShownElsewhere('json', false).size, 0);
  });
});
