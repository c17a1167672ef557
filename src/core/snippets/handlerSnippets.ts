import { bodyLines, literalSnippetText, type SnippetFile, tabStop } from './snippetSyntax';

/** scripts/snippets/handlers/handlers.json: which templates make which snippets. */
export interface HandlerManifest {
  /** Per editor language: its template file extension and the part its templates share. */
  languages: Record<string, { extension: string; common: string }>;
  snippets: HandlerSnippetSpec[];
}

export interface HandlerSnippetSpec {
  name: string;
  prefix: string;
  /** `<template>.<extension>.tmpl` for each language. */
  template: string;
  languages: string[];
  description: string;
  /** How the snippet is started or mounted, in a few words (shown in the README). */
  run: string;
}

/** `{{1:default}}`, `{{0}}` or `{{> part}}` in a template. */
const MARKER = /\{\{(?:(\d+)(?::([^}]*))?|> ([\w-]+))\}\}/g;
/** A line holding only `{{> part}}`: the part is indented like the marker. */
const PART_LINE = /^([ \t]*)\{\{> ([\w-]+)\}\}$/gm;
/**
 * `{{readme}}` … `{{/readme}}`: lines the README shows about signatures; `{{readme:inbound}}` …
 * `{{/readme:inbound}}`: lines it shows about inbound e-mail (the markers sit alone on their lines).
 */
const README_START = /^[ \t]*\{\{readme(?::[\w-]+)?\}\}\n/gm;
const README_END = /^[ \t]*\{\{\/readme(?::[\w-]+)?\}\}\n/gm;

/** A README region of the templates: `readme` (signatures) or `inbound`. */
export type ReadmeRegion = 'readme' | 'inbound';

/**
 * Turns handler templates (plain code with `{{...}}` markers, so they stay readable) into one
 * snippet file per language. `readTemplate(fileName)` returns a template's text;
 * `generatedParts(language)` gives parts made by code (the payload types), next to `common`.
 */
export function buildHandlerSnippets(
  manifest: HandlerManifest,
  readTemplate: (fileName: string) => string,
  generatedParts: (language: string) => Record<string, string> = () => ({}),
): Record<string, SnippetFile> {
  const files: Record<string, SnippetFile> = {};
  for (const [language, { extension, common }] of Object.entries(manifest.languages)) {
    const parts: Record<string, string> = { ...generatedParts(language), common: readTemplate(common) };
    const file: SnippetFile = {};
    for (const snippet of manifest.snippets.filter((entry) => entry.languages.includes(language))) {
      const template = readTemplate(`${snippet.template}.${extension}.tmpl`);
      file[snippet.name] = { prefix: snippet.prefix, description: snippet.description, body: bodyLines(templateToSnippet(template, parts).trimEnd()) };
    }
    files[language] = file;
  }
  return files;
}

/** Pulls in `{{> name}}` parts (parts may use parts) and drops the README markers. */
export function expandParts(template: string, parts: Record<string, string>, depth = 0): string {
  if (depth > 4) throw new Error('template parts include each other in a loop');
  const part = (name: string): string => {
    if (!(name in parts)) throw new Error(`template part '${name}' does not exist`);
    return expandParts(parts[name], parts, depth + 1).replace(/\n$/, '');
  };
  const text = template.replace(README_START, '').replace(README_END, '');
  return text
    .replace(PART_LINE, (_line, indent: string, name: string) => part(name).replace(/^(?=.)/gm, indent))
    .replace(MARKER, (marker, _index, _default, name: string | undefined) => (name === undefined ? marker : part(name)));
}

/** Escapes the code and turns markers into snippet syntax; `{{> name}}` pulls in a shared part. */
export function templateToSnippet(template: string, parts: Record<string, string>): string {
  const withParts = expandParts(template, parts);
  let out = '';
  let from = 0;
  for (const match of withParts.matchAll(MARKER)) {
    out += literalSnippetText(withParts.slice(from, match.index));
    out += tabStop(Number(match[1]), match[2] ?? '');
    from = match.index + match[0].length;
  }
  return out + literalSnippetText(withParts.slice(from));
}

/**
 * The code between `{{readme}}` and `{{/readme}}` (or the markers of another region) in a
 * template, as the snippet inserts it with every default accepted; several regions are joined
 * with a blank line. Empty without regions.
 */
export function readmeExcerpt(template: string, region: ReadmeRegion = 'readme'): string {
  const regions: string[] = [];
  const marker = region === 'readme' ? 'readme' : `readme:${region}`;
  const pattern = new RegExp(`^[ \\t]*\\{\\{${marker}\\}\\}\\n([\\s\\S]*?)^[ \\t]*\\{\\{\\/${marker}\\}\\}$`, 'gm');
  for (const match of template.matchAll(pattern)) regions.push(dedent(match[1].replace(/\n$/, '')));
  return regions
    .join('\n\n')
    .replace(MARKER, (_marker, _index, defaultText: string | undefined, part: string | undefined) => {
      if (part !== undefined) throw new Error(`a README region cannot hold the part '${part}'`);
      return defaultText ?? '';
    });
}

function dedent(text: string): string {
  const indents = text.split('\n').filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = Math.min(...indents);
  return text.split('\n').map((line) => line.slice(common)).join('\n');
}
