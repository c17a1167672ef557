import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { type NumberKindAt, railsString, railsNumber } from './railsJson';

/** Where a JSON text could not be read, as an offset a caller can turn into a line. */
export interface JsonTextError {
  message: string;
  offset: number;
  length: number;
}

export type JsonTextResult =
  | { ok: true; value: unknown; json: string }
  | { ok: false; errors: JsonTextError[] };

/**
 * Re-encodes a JSON document the user wrote as Postal would send it, from its syntax tree so
 * that nothing the user wrote on purpose is lost:
 * - numbers keep their source text (`1714567890.0` stays `1714567890.0`; a plain `48213` stays
 *   an integer), except at paths `numberKindAt` knows to be Ruby Floats, which are printed the
 *   way Ruby prints that value (so `"timestamp": 1714567890` goes out as `1714567890.0`, as Postal
 *   would have sent it);
 * - strings are re-escaped the Rails way (`"<"` and `"\u003c"` both go out as `\u003c`);
 * - keys keep their order (and duplicates, if any); whitespace and comments are dropped.
 * `kindsFor` gets the parsed value first, so the caller can look the float fields up by its `event`.
 * `indent` > 0 lays the same encoding out for reading and editing (like `JSON.stringify(v, null, 2)`).
 */
export function encodeJsonText(text: string, kindsFor: (value: unknown) => NumberKindAt, indent = 0): JsonTextResult {
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: false });
  if (parseErrors.length > 0 || root === undefined) {
    const errors = parseErrors.map((error) => ({ message: describeParseError(error), offset: error.offset, length: error.length }));
    return { ok: false, errors: errors.length > 0 ? errors : [{ message: 'The document is empty.', offset: 0, length: 0 }] };
  }
  const value = nodeValue(root);
  return { ok: true, value, json: encodeNode(root, text, kindsFor(value), indent) };
}

function describeParseError(error: ParseError): string {
  const words = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `Not valid JSON: ${words}.`;
}

function encodeNode(root: Node, text: string, kindAt: NumberKindAt, indent: number): string {
  const path: (string | number)[] = [];
  const layout = (open: string, parts: string[], close: string): string => {
    if (indent === 0 || parts.length === 0) return open + parts.join(',') + close;
    const inner = ' '.repeat(indent * path.length + indent);
    return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${' '.repeat(indent * path.length)}${close}`;
  };
  const encode = (node: Node): string => {
    switch (node.type) {
      case 'object':
        return layout('{', (node.children ?? []).map((property) => encodeProperty(property)), '}');
      case 'array':
        return layout('[', (node.children ?? []).map((item, index) => within(index, () => encode(item))), ']');
      case 'string':
        return railsString(node.value as string);
      case 'number':
        return encodeNumber(node, text, kindAt(path));
      case 'boolean':
        return node.value === true ? 'true' : 'false';
      default:
        return 'null';
    }
  };
  const encodeProperty = (property: Node): string => {
    const [keyNode, valueNode] = property.children ?? [];
    const key = keyNode.value as string;
    return `${railsString(key)}:${indent > 0 ? ' ' : ''}${valueNode === undefined ? 'null' : within(key, () => encode(valueNode))}`;
  };
  const within = (segment: string | number, run: () => string): string => {
    path.push(segment);
    try {
      return run();
    } finally {
      path.pop();
    }
  };
  return encode(root);
}

function encodeNumber(node: Node, text: string, kind: ReturnType<NumberKindAt>): string {
  if (kind === 'float') return railsNumber(node.value as number, 'float');
  return text.slice(node.offset, node.offset + node.length);
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        // defineProperty, so a `__proto__` key is data like any other.
        Object.defineProperty(result, keyNode.value as string, { value: valueNode === undefined ? null : nodeValue(valueNode), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value as unknown;
  }
}
