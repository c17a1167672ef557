/**
 * VS Code snippet syntax (the TextMate dialect): `$1`, `${1:default}`, `${1|a,b|}`, `$0`,
 * variables like `${UUID}`, and `\` escaping `$`, `}` and `\`.
 * https://code.visualstudio.com/docs/editing/userdefinedsnippets#_snippet-syntax
 */

/** One snippet as a `.code-snippets` file holds it. */
export interface SnippetDefinition {
  prefix: string | string[];
  description: string;
  body: string[];
}

export type SnippetFile = Record<string, SnippetDefinition>;

/** Text that must come out literally: `\` and `$` would otherwise start syntax. */
export function literalSnippetText(text: string): string {
  return text.replace(/[\\$]/g, (char) => `\\${char}`);
}

/** A placeholder's default text, where `}` would also end the placeholder. */
function placeholderText(text: string): string {
  return text.replace(/[\\$}]/g, (char) => `\\${char}`);
}

/** `${n:default}`; with an empty default, plain `$n`. */
export function tabStop(index: number, defaultText = ''): string {
  return defaultText === '' ? `$${index}` : `\${${index}:${placeholderText(defaultText)}}`;
}

/** `${n|a,b,c|}`: the user picks one of the options; the first is inserted. */
export function choice(index: number, options: readonly string[]): string {
  const escaped = options.map((option) => option.replace(/[\\$}|,]/g, (char) => `\\${char}`));
  return `\${${index}|${escaped.join(',')}|}`;
}

/** `${NAME}`: a value VS Code fills in when the snippet is inserted (UUID, CURRENT_SECONDS_UNIX, ...). */
export function variable(name: string): string {
  return `\${${name}}`;
}

/** Snippet bodies are arrays of lines in `.code-snippets` files. */
export function bodyLines(text: string): string[] {
  return text.split('\n');
}

/** The `.code-snippets` file text we write: two-space JSON with a final newline. */
export function snippetFileText(file: SnippetFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}
