import { type DocumentFormat, jsonlLines, looksLikePostalText } from '../../core/lint';
import { type LintSettings } from './lintSettings';

/** What deciding needs to know about a document; a structural subset of `vscode.TextDocument`. */
export interface DocumentLike {
  readonly uri: { readonly scheme: string; readonly path: string };
  readonly languageId: string;
  getText(): string;
}

/** Editable documents only: not diff views of git history, output panes and the like. */
export const LINTED_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'];

/**
 * How to lint a document, or undefined to leave it alone: `*.postal.json(l)` always, files
 * matching `include` always, and JSON (or JSON Lines) whose content is a Postal webhook body
 * when auto-detection is on. `relativePath` is the workspace-relative path include globs see.
 */
export function lintFormatFor(document: DocumentLike, relativePath: string, settings: LintSettings): DocumentFormat | undefined {
  if (!settings.enable || !LINTED_SCHEMES.includes(document.uri.scheme)) return undefined;
  const path = document.uri.path.toLowerCase();
  const lines = path.endsWith('.jsonl') || path.endsWith('.ndjson') || document.languageId === 'jsonl';
  const format: DocumentFormat = lines ? 'jsonl' : 'json';
  if (path.endsWith('.postal.json') || path.endsWith('.postal.jsonl')) return format;
  if (settings.include.some((matches) => matches(relativePath))) return format;
  if (!settings.autoDetect) return undefined;
  if (document.languageId === 'json') return looksLikePostalText(document.getText()) ? 'json' : undefined;
  if (document.languageId === 'jsonl') return firstLineIsPostal(document.getText()) ? 'jsonl' : undefined;
  return undefined;
}

function firstLineIsPostal(text: string): boolean {
  const first = jsonlLines(text.slice(0, 1_000_000)).next();
  return first.done !== true && looksLikePostalText(first.value.text);
}

export function exceedsSizeLimit(text: string, settings: LintSettings): boolean {
  return text.length > settings.maxFileSizeMB * 1024 * 1024;
}

/**
 * Rules whose findings VS Code's JSON language service already shows in a `json` document
 * (syntax errors, duplicate keys). Showing both would list each problem twice; these stay
 * unpublished and their quick fixes attach to the JSON service's diagnostic instead. With
 * `json.validate.enable` off, nothing else reports them, so nothing is held back.
 */
export const RULES_THE_JSON_SERVICE_REPORTS: readonly string[] = ['postal/json-syntax', 'postal/duplicate-key'];

export function rulesShownElsewhere(languageId: string, jsonValidationEnabled: boolean): ReadonlySet<string> {
  return new Set(languageId === 'json' && jsonValidationEnabled ? RULES_THE_JSON_SERVICE_REPORTS : []);
}
