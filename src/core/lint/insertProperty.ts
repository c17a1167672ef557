import { type Node } from 'jsonc-parser';
import { detectLayout, indentationAt, type Layout, renderJson } from './layout';
import { type TextEdit } from './types';

/**
 * Inserts `"key": value` into `object` so that it ends up just before the first existing
 * property whose key comes later in `keyOrder` (Postal's order), laid out like its siblings.
 */
export function insertProperty(text: string, object: Node, key: string, value: unknown, keyOrder: readonly string[]): TextEdit {
  const layout = detectLayout(text);
  const properties = object.children ?? [];
  const rank = keyOrder.indexOf(key);
  const before = properties.find((property) => {
    const existing = keyOrder.indexOf(String(property.children?.[0]?.value));
    return rank !== -1 && existing > rank;
  });
  if (before) return insertBefore(text, before, key, value, layout);
  const last = properties[properties.length - 1];
  if (last) return insertAfter(text, last, key, value, layout);
  return insertIntoEmpty(text, object, key, value, layout);
}

function propertyText(key: string, value: unknown, layout: Layout, indent: string): string {
  return JSON.stringify(key) + layout.colon + renderJson(value, layout, indent);
}

function insertBefore(text: string, sibling: Node, key: string, value: unknown, layout: Layout): TextEdit {
  if (!layout.multiline) {
    return { offset: sibling.offset, length: 0, newText: propertyText(key, value, layout, '') + layout.comma };
  }
  const indent = indentationAt(text, sibling.offset);
  return { offset: sibling.offset, length: 0, newText: `${propertyText(key, value, layout, indent)},${layout.eol}${indent}` };
}

function insertAfter(text: string, sibling: Node, key: string, value: unknown, layout: Layout): TextEdit {
  const end = sibling.offset + sibling.length;
  if (!layout.multiline) return { offset: end, length: 0, newText: layout.comma + propertyText(key, value, layout, '') };
  const indent = indentationAt(text, sibling.offset);
  return { offset: end, length: 0, newText: `,${layout.eol}${indent}${propertyText(key, value, layout, indent)}` };
}

function insertIntoEmpty(text: string, object: Node, key: string, value: unknown, layout: Layout): TextEdit {
  const innerStart = object.offset + 1;
  const innerEnd = Math.max(innerStart, object.offset + object.length - 1);
  if (!layout.multiline) return { offset: innerStart, length: innerEnd - innerStart, newText: propertyText(key, value, layout, '') };
  const outer = indentationAt(text, object.offset);
  const indent = outer + layout.indentUnit;
  const newText = `${layout.eol}${indent}${propertyText(key, value, layout, indent)}${layout.eol}${outer}`;
  return { offset: innerStart, length: innerEnd - innerStart, newText };
}
