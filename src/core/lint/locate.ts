import { type Node } from 'jsonc-parser';
import { type JsonPath, type TextRange } from './types';

/**
 * Finds the node at `path`. When an object repeats a key, the last occurrence is the one that
 * counts, as with `JSON.parse`, so that is the one returned.
 */
export function nodeAt(root: Node | undefined, path: JsonPath): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    node = typeof segment === 'number' ? itemAt(node, segment) : lastProperty(node, segment)?.children?.[1];
  }
  return node;
}

function itemAt(node: Node, index: number): Node | undefined {
  return node.type === 'array' ? node.children?.[index] : undefined;
}

/** The `property` node (key and value) named `key` in an object node; the last one if repeated. */
export function lastProperty(object: Node, key: string): Node | undefined {
  if (object.type !== 'object' || !object.children) return undefined;
  for (let index = object.children.length - 1; index >= 0; index--) {
    const property = object.children[index];
    if (property.children?.[0]?.value === key) return property;
  }
  return undefined;
}

/** The property node whose value sits at `path`; undefined at the root or inside arrays. */
export function propertyAt(root: Node | undefined, path: JsonPath): Node | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const parent = nodeAt(root, path.slice(0, -1));
  return parent ? lastProperty(parent, key) : undefined;
}

export function rangeOf(node: Node): TextRange {
  return { offset: node.offset, length: node.length };
}

/** Where to point at a value: the value itself, or (if it cannot be found) the nearest ancestor. */
export function valueRange(root: Node | undefined, path: JsonPath): TextRange | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = nodeAt(root, path.slice(0, depth));
    if (node) return depth === path.length ? rangeOf(node) : headRange(root, path.slice(0, depth));
  }
  return undefined;
}

/** The key of the property at `path` (`"status"` in `"status": "Sent"`), else its value. */
export function keyRange(root: Node | undefined, path: JsonPath): TextRange | undefined {
  const key = propertyAt(root, path)?.children?.[0];
  return key ? rangeOf(key) : valueRange(root, path);
}

/**
 * Where to point when something inside the object at `path` is missing or wrong as a whole:
 * the object's key when it has one (`"message"`), else its opening brace. Underlining the whole
 * object would paint most of the file.
 */
export function headRange(root: Node | undefined, path: JsonPath): TextRange | undefined {
  const property = path.length > 0 ? propertyAt(root, path) : undefined;
  const key = property?.children?.[0];
  if (key) return rangeOf(key);
  const node = nodeAt(root, path);
  if (!node) return undefined;
  return node.type === 'object' || node.type === 'array' ? { offset: node.offset, length: 1 } : rangeOf(node);
}
