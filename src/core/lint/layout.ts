import { type Node } from 'jsonc-parser';

/** How a document is laid out, so inserted text looks like the text around it. */
export interface Layout {
  /** False for single-line JSON (JSONL lines, compact bodies). */
  multiline: boolean;
  /** One level of indentation, e.g. two spaces or a tab. */
  indentUnit: string;
  /** Between a key and its value: `": "` or `":"`. */
  colon: string;
  /** After a comma on one line: `", "` or `","`. */
  comma: string;
  eol: string;
}

export function detectLayout(text: string): Layout {
  const multiline = text.trimEnd().includes('\n');
  return {
    multiline,
    indentUnit: multiline ? detectIndentUnit(text) : '',
    colon: /"\s*:\s/.test(text.slice(0, 2000)) ? ': ' : ':',
    comma: !multiline && /,\s"/.test(text.slice(0, 2000)) ? ', ' : ',',
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** The smallest indentation any of the first lines uses; two spaces if none is indented. */
function detectIndentUnit(text: string): string {
  let unit: string | undefined;
  for (const line of text.slice(0, 4000).split('\n')) {
    const indent = /^[ \t]+(?=\S)/.exec(line)?.[0];
    if (indent && (unit === undefined || indent.length < unit.length)) unit = indent;
  }
  return unit ?? '  ';
}

/** The whitespace a line starts with, for the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** Renders a value in the document's style, with nested lines indented from `indent`. */
export function renderJson(value: unknown, layout: Layout, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries: [string | undefined, unknown][] = Array.isArray(value)
    ? value.map((item) => [undefined, item])
    : Object.entries(value as Record<string, unknown>);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return open + close;
  const inner = indent + layout.indentUnit;
  const parts = entries.map(([key, item]) => {
    const prefix = key === undefined ? '' : JSON.stringify(key) + layout.colon;
    return prefix + renderJson(item, layout, inner);
  });
  if (!layout.multiline) return open + parts.join(layout.comma) + close;
  return `${open}${layout.eol}${inner}${parts.join(`,${layout.eol}${inner}`)}${layout.eol}${indent}${close}`;
}

/** The indentation of the line a node starts on. */
export function nodeIndent(text: string, node: Node): string {
  return indentationAt(text, node.offset);
}
