import { getNodeValue, type Node, type ParseError, parseTree } from 'jsonc-parser';
import { countKeysInText, countValueKeys, nestingDepth } from './structure';

/**
 * Deeper than any Postal body (envelope → payload → message is three levels) by a wide margin,
 * and shallow enough that walking the tree recursively can never exhaust the stack.
 */
export const MAX_NESTING_DEPTH = 64;

/** Postal sends JSON, not JSONC: comments and trailing commas are errors. */
const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** One JSON text, parsed once, with its syntax tree built only if someone needs positions. */
export interface ParsedDocument {
  readonly text: string;
  /** The value as `JSON.parse` would give it (the last of duplicate keys wins); best effort when broken. */
  readonly value: unknown;
  /** True when `JSON.parse` accepts the text as it is. */
  readonly wellFormed: boolean;
  /** jsonc-parser's errors; empty when well formed. */
  readonly syntaxErrors: readonly ParseError[];
  /** `JSON.parse`'s complaint if jsonc-parser found nothing wrong: a safety net, as no such text is known. */
  readonly strictError?: string;
  /** False when the text provably has no repeated key in any object. */
  readonly mayHaveDuplicateKeys: boolean;
  /** Set when the text nests deeper than MAX_NESTING_DEPTH; nothing else was looked at. */
  readonly tooDeep?: number;
  /** The syntax tree (built on first call); undefined for empty or too deep text. */
  tree(): Node | undefined;
}

export function parseDocument(text: string): ParsedDocument {
  const parsed = tryJsonParse(text);
  if (parsed.ok) {
    const valueKeys = countValueKeys(parsed.value, MAX_NESTING_DEPTH);
    if (valueKeys === undefined) return tooDeepDocument(text, nestingDepth(text));
    let tree: Node | undefined;
    let built = false;
    return {
      text,
      value: parsed.value,
      wellFormed: true,
      syntaxErrors: [],
      mayHaveDuplicateKeys: countKeysInText(text) !== valueKeys,
      tree() {
        if (!built) {
          tree = parseTree(text, [], PARSE_OPTIONS);
          built = true;
        }
        return tree;
      },
    };
  }
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING_DEPTH) return tooDeepDocument(text, depth);
  const errors: ParseError[] = [];
  const tree = withinText(parseTree(text, errors, PARSE_OPTIONS), text.length);
  return {
    text,
    value: tree ? getNodeValue(tree) : undefined,
    wellFormed: false,
    syntaxErrors: errors,
    ...(errors.length === 0 ? { strictError: parsed.message } : {}),
    mayHaveDuplicateKeys: true,
    tree: () => tree,
  };
}

/**
 * jsonc-parser gives an object or array left open at the end of the text (`{"a": 1/*`) one
 * character past the end; every range we report or edit must stay inside the text. Only the
 * open containers along the last children can run over.
 */
function withinText(root: Node | undefined, textLength: number): Node | undefined {
  for (let node = root; node !== undefined; node = node.children?.at(-1)) {
    // jsonc-parser types its nodes read-only; this one was just made for us.
    if (node.offset + node.length > textLength) (node as { length: number }).length = Math.max(0, textLength - node.offset);
  }
  return root;
}

function tooDeepDocument(text: string, depth: number): ParsedDocument {
  return { text, value: undefined, wellFormed: false, syntaxErrors: [], mayHaveDuplicateKeys: false, tooDeep: depth, tree: () => undefined };
}

type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string };

function tryJsonParse(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
