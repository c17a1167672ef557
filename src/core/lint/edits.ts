import { type Node } from 'jsonc-parser';
import { type TextEdit } from './types';

/**
 * Applies non-overlapping edits to `text`. Edits at the same offset keep their given order.
 * Throws on overlap: that would be a bug in whoever built the edits.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.offset - b.edit.offset || a.order - b.order);
  let result = '';
  let position = 0;
  for (const { edit } of sorted) {
    if (edit.offset < position) throw new Error(`overlapping edits at offset ${edit.offset}`);
    result += text.slice(position, edit.offset) + edit.newText;
    position = edit.offset + edit.length;
  }
  return result + text.slice(position);
}

/** Shifts edits made against a slice of a document (one JSONL line) to document offsets. */
export function shiftEdits(edits: readonly TextEdit[], by: number): TextEdit[] {
  return edits.map((edit) => ({ ...edit, offset: edit.offset + by }));
}

export function replaceNode(node: Node, newText: string): TextEdit {
  return { offset: node.offset, length: node.length, newText };
}

/**
 * Removes a property and the comma that separated it from a neighbour, leaving the layout of
 * the remaining properties as it was.
 */
export function removeProperty(text: string, property: Node): TextEdit {
  const siblings = property.parent?.children ?? [property];
  const index = siblings.indexOf(property);
  const next = siblings[index + 1];
  if (next) return span(property.offset, next.offset);
  const previous = siblings[index - 1];
  if (previous) return span(previous.offset + previous.length, property.offset + property.length);
  const object = property.parent;
  if (!object) return span(property.offset, property.offset + property.length);
  // The only property: empty the braces, whitespace and all.
  const close = text.lastIndexOf('}', object.offset + object.length - 1);
  return span(object.offset + 1, close > object.offset ? close : property.offset + property.length);
}

function span(start: number, end: number): TextEdit {
  return { offset: start, length: end - start, newText: '' };
}
