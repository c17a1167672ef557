import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { type LintIssue, type LintOptions } from '../../core/lint/types';
import { SettingProblemReporter } from '../settingProblems';
import { LINT_SECTION, type LintSettings, parseLintSettings } from './lintSettings';
import { exceedsSizeLimit, lintFormatFor, needsSniffer, rulesShownElsewhere } from './lintTarget';
import { toDiagnostic } from './toDiagnostic';
import { MILESTONE, reachMilestone } from '../walkthrough/milestones';

/** Typing pauses shorter than this do not start a lint run. */
export const LINT_DEBOUNCE_MS = 250;

/** The issues behind a document's diagnostics, for quick fixes; valid for that version only. */
export interface LintResult {
  version: number;
  issues: LintIssue[];
  /** Issues not published because the JSON language service shows the same problem. */
  hidden: ReadonlySet<LintIssue>;
  options: LintOptions;
}

/**
 * Lints open documents as they open and change (debounced per document, in slices so a large
 * file never blocks the editor), publishes the diagnostics and remembers the issues.
 */
export class LintController implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly results = new Map<string, LintResult>();
  private settings: LintSettings;
  private readonly oversizedLogged = new Set<string>();
  private readonly settingProblems: SettingProblemReporter;
  private includes: { patterns: readonly string[]; matches: (path: string) => boolean } | undefined;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly log: Logger,
  ) {
    this.settingProblems = new SettingProblemReporter(log);
    this.settings = this.readSettings();
  }

  resultFor(document: vscode.TextDocument): LintResult | undefined {
    const result = this.results.get(document.uri.toString());
    return result?.version === document.version ? result : undefined;
  }

  /** Lints every open document again, e.g. after the settings changed. */
  relintAll(): void {
    this.settings = this.readSettings();
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  schedule(document: vscode.TextDocument, delayMs = LINT_DEBOUNCE_MS): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.lint(document).catch((error: unknown) => this.log.error(`linting ${document.uri.fsPath} failed: ${String(error)}`));
    }, delayMs));
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.collection.delete(document.uri);
  }

  private async lint(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    // Decided from the document's first lines: most JSON files are not webhook bodies, and
    // reading all of a large one (getText) would cost more than deciding.
    // The detector loads with the first JSON document auto-detection looks at.
    const sniffer = needsSniffer(document, this.settings) ? await import('../../core/lint/looksLikePostalText.js') : undefined;
    const format = lintFormatFor(document, vscode.workspace.asRelativePath(document.uri, false), this.settings, await this.includeMatcher(), sniffer);
    if (!format) return this.clear(document);
    const text = document.getText();
    const key = document.uri.toString();
    if (exceedsSizeLimit(text, this.settings)) {
      if (!this.oversizedLogged.has(key)) this.log.info(`not linting ${document.uri.fsPath}: larger than ${LINT_SECTION}.maxFileSizeMB (${this.settings.maxFileSizeMB} MB)`);
      this.oversizedLogged.add(key);
      return this.clear(document);
    }
    const version = document.version;
    const options: LintOptions = { format, rules: this.settings.rules };
    const started = Date.now();
    // The linter loads with the first document that needs it, not when the extension starts.
    const { lintDocumentIncrementally } = await import('../../core/lint/lintDocument.js');
    const issues = await lintDocumentIncrementally(text, options, { isCancelled: () => document.isClosed || document.version !== version });
    if (!issues) return; // the document changed meanwhile; its next run will publish
    const shownElsewhere = rulesShownElsewhere(document.languageId, vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true));
    const hidden = new Set(issues.filter((issue) => shownElsewhere.has(issue.rule)));
    this.results.set(key, { version, issues, hidden, options });
    this.collection.set(document.uri, issues.filter((issue) => !hidden.has(issue)).map((issue) => toDiagnostic(document, issue)));
    if (document.uri.scheme === 'file') reachMilestone(MILESTONE.payloadLinted);
    this.log.trace(`linted ${document.uri.fsPath} (${format}, ${issues.length} issues) in ${Date.now() - started} ms`);
  }

  /** Whether a path matches the include globs, compiled once per setting. */
  private async includeMatcher(): Promise<(path: string) => boolean> {
    const patterns = this.settings.include;
    if (patterns.length === 0) return () => false;
    if (this.includes?.patterns !== patterns) {
      // picomatch is loaded only once a workspace has include globs.
      const { compileGlob } = await import('../../core/glob.js');
      const matchers = patterns.flatMap((pattern) => {
        const compiled = compileGlob(pattern, { matchBase: true });
        return compiled.ok ? [compiled.matches] : [];
      });
      this.includes = { patterns, matches: (path) => matchers.some((matches) => matches(path)) };
    }
    return this.includes.matches;
  }

  private clear(document: vscode.TextDocument): void {
    this.results.delete(document.uri.toString());
    this.collection.delete(document.uri);
  }

  private readSettings(): LintSettings {
    const configuration = vscode.workspace.getConfiguration(LINT_SECTION);
    const { settings, problems } = parseLintSettings((key) => configuration.get(key));
    this.settingProblems.report(problems);
    return settings;
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    this.results.clear();
  }
}
