import { type DocumentFormat } from '../../core/lint/types';
import type * as PostalSniffing from '../../core/lint/looksLikePostalText';
import { type LintSettings } from './lintSettings';

/**
 * The Postal-body detector (src/core/lint/looksLikePostalText.ts, with jsonc-parser's scanner),
 * passed in by the caller: the extension loads it with the first JSON document it has to judge.
 */
export type PostalSniffer = Pick<typeof PostalSniffing, 'looksLikePostalText' | 'POSTAL_SNIFF_CHARS'>;

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

/** Whether deciding about this document may need the detector: JSON with auto-detection on. */
export function needsSniffer(document: DocumentLike, settings: LintSettings): boolean {
  return settings.enable && settings.autoDetect && (document.languageId === 'json' || document.languageId === 'jsonl');
}

/**
 * How to lint a document, or undefined to leave it alone: `*.postal.json(l)` always, files
 * `included` (by the include globs) always, and JSON (or JSON Lines) whose content is a Postal
 * webhook body when auto-detection is on (judged by `sniffer`). `relativePath` is the
 * workspace-relative path the include globs see.
 */
export function lintFormatFor(
  document: DocumentLike,
  relativePath: string,
  settings: LintSettings,
  included: (relativePath: string) => boolean = () => false,
  sniffer?: PostalSniffer,
): DocumentFormat | undefined {
  if (!settings.enable || !LINTED_SCHEMES.includes(document.uri.scheme)) return undefined;
  const path = document.uri.path.toLowerCase();
  const lines = path.endsWith('.jsonl') || path.endsWith('.ndjson') || document.languageId === 'jsonl';
  const format: DocumentFormat = lines ? 'jsonl' : 'json';
  if (path.endsWith('.postal.json') || path.endsWith('.postal.jsonl')) return format;
  if (settings.include.length > 0 && included(relativePath)) return format;
  if (!sniffer || !needsSniffer(document, settings)) return undefined;
  return looksLikePostal(document, sniffer) ? format : undefined;
}

/** Each document's last answer, valid for the version it was given for. */
const answers = new WeakMap<DocumentLike, { version: number; postal: boolean }>();

/**
 * Whether a JSON document's root (a JSON Lines document's first non-blank line) looks like a
 * Postal webhook body. Reads only the first few KiB, line by line, never the whole text, and
 * remembers the answer until the document changes.
 */
export function looksLikePostal(document: DocumentLike, sniffer: PostalSniffer): boolean {
  const known = answers.get(document);
  if (known?.version === document.version) return known.postal;
  const postal = sniffer.looksLikePostalText(document.languageId === 'jsonl' ? firstNonBlankLine(document) : leadingText(document, sniffer.POSTAL_SNIFF_CHARS));
  answers.set(document, { version: document.version, postal });
  return postal;
}

/** The document's first `chars` characters or so, whole lines joined. */
function leadingText(document: DocumentLike, chars: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let line = 0; line < document.lineCount && length < chars; line++) {
    const { text } = document.lineAt(line);
    lines.push(text.length > chars ? text.slice(0, chars) : text);
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
