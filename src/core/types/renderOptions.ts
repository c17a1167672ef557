import { type StructModel } from './typeModel';

/** How much a renderer writes. */
export interface RenderOptions {
  /** A documentation comment on every struct and field (`postal-webhooks types`), or only short ones (handler snippets). */
  docs: boolean;
  /** A whole file with its header, package and imports; otherwise only the declarations, for a snippet to embed. */
  standalone: boolean;
  /** The generator's version, named in a standalone file's header. */
  version: string;
}

/** The values quoted and joined: `'a' | 'b'`. */
export function choiceText(values: readonly string[], separator: string, quote: string): string {
  return values.map((value) => `${quote}${value}${quote}`).join(separator);
}

/** The values quoted as a sentence says them: `"a", "b" or "c"`. */
export function choiceProse(values: readonly string[], quote: string): string {
  const quoted = values.map((value) => `${quote}${value}${quote}`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** A field's documentation with its allowed values first (a single value is already in the doc). */
export function fieldDocText(doc: string, values: readonly string[] | undefined, quote: string): string {
  const choice = values !== undefined && values.length > 1 ? `One of ${choiceProse(values, quote)}.` : '';
  return [choice, doc].filter(Boolean).join(' ');
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A struct's documentation as sentences: the summary, and with `details` the rest. */
export function structDoc(struct: StructModel, details: boolean): string {
  return upperFirst(details && struct.details !== '' ? `${struct.summary} ${struct.details}` : struct.summary);
}

/** snake_case → PascalCase with Go's initialisms (`message_id` → `MessageID`). */
export function pascalCase(name: string, initialisms: ReadonlySet<string> = new Set()): string {
  return name
    .split('_')
    .map((part) => (initialisms.has(part) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

/** Wraps plain text at `width` columns into lines (no prefix). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
