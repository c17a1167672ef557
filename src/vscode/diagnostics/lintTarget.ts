import { type DocumentFormat } from '../../core/lint/types';
import { looksLikePostalText, POSTAL_SNIFF_CHARS } from '../../core/lint/looksLikePostalText';
import { type LintSettings } from './lintSettings';

/** What deciding needs to know about a document; a structural subset of `vscode.TextDocument`. */
export interface DocumentLike {
  readonly uri: { readonly scheme: string; readonly path: string };
  readonly languageId: string;
  readonly version: number;
  readonly lineCount: number;
  lineAt(line: number): { readonly text: string };
}

/** Editable documents only: not diff views of git history, output panes and the like. */
export const LINTED_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'];

/**
 * How to lint a document, or undefined to leave it alone: `*.postal.json(l)` always, files
 * `included` (by the include globs) always, and JSON (or JSON Lines) whose content is a Postal
 * webhook body when auto-detection is on. `relativePath` is the workspace-relative path the
 * include globs see.
 */
export function lintFormatFor(document: DocumentLike, relativePath: string, settings: LintSettings, included: (relativePath: string) => boolean = () => false): DocumentFormat | undefined {
  if (!settings.enable || !LINTED_SCHEMES.includes(document.uri.scheme)) return undefined;
  const path = document.uri.path.toLowerCase();
  const lines = path.endsWith('.jsonl') || path.endsWith('.ndjson') || document.languageId === 'jsonl';
  const format: DocumentFormat = lines ? 'jsonl' : 'json';
  if (path.endsWith('.postal.json') || path.endsWith('.postal.jsonl')) return format;
  if (settings.include.length > 0 && included(relativePath)) return format;
  if (!settings.autoDetect) return undefined;
  if (document.languageId === 'json') return looksLikePostal(document) ? 'json' : undefined;
  if (document.languageId === 'jsonl') return looksLikePostal(document) ? 'jsonl' : undefined;
  return undefined;
}

/** Each document's last answer, valid for the version it was given for. */
const answers = new WeakMap<DocumentLike, { version: number; postal: boolean }>();

/**
 * Whether a JSON document's root (a JSON Lines document's first non-blank line) looks like a
 * Postal webhook body. Reads only the first few KiB, line by line, never the whole text, and
 * remembers the answer until the document changes.
 */
export function looksLikePostal(document: DocumentLike): boolean {
  const known = answers.get(document);
  if (known?.version === document.version) return known.postal;
  const postal = looksLikePostalText(document.languageId === 'jsonl' ? firstNonBlankLine(document) : leadingText(document));
  answers.set(document, { version: document.version, postal });
  return postal;
}

/** The document's first POSTAL_SNIFF_CHARS characters or so, whole lines joined. */
function leadingText(document: DocumentLike): string {
  const lines: string[] = [];
  let length = 0;
  for (let line = 0; line < document.lineCount && length < POSTAL_SNIFF_CHARS; line++) {
    const { text } = document.lineAt(line);
    lines.push(text.length > POSTAL_SNIFF_CHARS ? text.slice(0, POSTAL_SNIFF_CHARS) : text);
    length += text.length + 1;
  }
  return lines.join('\n');
}

/** A JSON Lines file is judged by its first record; up to 1000 blank lines before it are skipped. */
function firstNonBlankLine(document: DocumentLike): string {
  const lastLine = Math.min(document.lineCount, 1000);
  for (let line = 0; line < lastLine; line++) {
    const { text } = document.lineAt(line);
    if (text.trim() !== '') return text;
  }
  return '';
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
