import { bodyLines, literalSnippetText, type SnippetFile, tabStop } from './snippetSyntax';

/** scripts/snippets/handlers/handlers.json: which templates make which snippets. */
export interface HandlerManifest {
  languages: Record<string, { common: string }>;
  snippets: { name: string; prefix: string; template: string; description: string }[];
}

/** `{{1:default}}`, `{{0}}` or `{{> part}}` in a template. */
const MARKER = /\{\{(?:(\d+)(?::([^}]*))?|> ([\w-]+))\}\}/g;
const TEMPLATE_EXTENSION: Record<string, string> = { typescript: 'ts', javascript: 'js' };

/**
 * Turns handler templates (plain code with `{{...}}` markers, so they stay readable) into one
 * snippet file per language. `readTemplate(fileName)` returns a template's text.
 */
export function buildHandlerSnippets(manifest: HandlerManifest, readTemplate: (fileName: string) => string): Record<string, SnippetFile> {
  const files: Record<string, SnippetFile> = {};
  for (const [language, { common }] of Object.entries(manifest.languages)) {
    const extension = TEMPLATE_EXTENSION[language] ?? language;
    const parts: Record<string, string> = { common: readTemplate(common) };
    const file: SnippetFile = {};
    for (const snippet of manifest.snippets) {
      const template = readTemplate(`${snippet.template}.${extension}.tmpl`);
      file[snippet.name] = { prefix: snippet.prefix, description: snippet.description, body: bodyLines(templateToSnippet(template, parts).trimEnd()) };
    }
    files[language] = file;
  }
  return files;
}

/** Escapes the code and turns markers into snippet syntax; `{{> name}}` pulls in a shared part. */
export function templateToSnippet(template: string, parts: Record<string, string>): string {
  const withParts = template.replace(MARKER, (marker, _index, _default, part: string | undefined) => {
    if (part === undefined) return marker;
    if (!(part in parts)) throw new Error(`template part '${part}' does not exist`);
    return parts[part];
  });
  let out = '';
  let from = 0;
  for (const match of withParts.matchAll(MARKER)) {
    out += literalSnippetText(withParts.slice(from, match.index));
    out += tabStop(Number(match[1]), match[2] ?? '');
    from = match.index + match[0].length;
  }
  return out + literalSnippetText(withParts.slice(from));
}
