import { type EventName } from '../../events';
import { isPlainObject, valueAt } from '../../jsonValue';
import { replaceNode } from '../edits';
import { keyRange, nodeAt, valueRange } from '../locate';
import { type RuleContext } from '../rule';
import { type JsonPath, type LintFix, type TextRange } from '../types';

/** Helpers the rules share: reading values by path and building the common fixes. */

export function hasPath(root: unknown, path: JsonPath): boolean {
  if (path.length === 0) return true;
  const parent = valueAt(root, path.slice(0, -1));
  return isPlainObject(parent) && Object.hasOwn(parent, path[path.length - 1]);
}

/** Where the payload sits, as the shared roots every payload path is built from. */
export const ENVELOPE_PAYLOAD: JsonPath = ['payload'];
export const BARE_PAYLOAD: JsonPath = [];

const CHILDREN = new WeakMap<JsonPath, Map<string | number, JsonPath>>();

/** `parent` + `segment`, built once and shared: paths are read-only. */
function child(parent: JsonPath, segment: string | number): JsonPath {
  let children = CHILDREN.get(parent);
  if (!children) {
    children = new Map();
    CHILDREN.set(parent, children);
  }
  let path = children.get(segment);
  if (!path) {
    path = [...parent, segment];
    children.set(segment, path);
  }
  return path;
}

/**
 * A path relative to the payload, made absolute for this document. Rules ask for the same few
 * paths on every line of a JSONL file, so they are interned rather than rebuilt each time.
 */
export function inPayload(context: RuleContext, first: string | number, second?: string | number): JsonPath {
  const path = child(context.payloadPath, first);
  return second === undefined ? path : child(path, second);
}

export function valueIn(context: RuleContext, path: JsonPath): unknown {
  return valueAt(context.doc.value, path);
}

/** Where a value is (falls back to its nearest ancestor); the document start if nothing is found. */
export function rangeOfValue(context: RuleContext, path: JsonPath): TextRange {
  return valueRange(context.tree(), path) ?? { offset: 0, length: 0 };
}

export function rangeOfKey(context: RuleContext, path: JsonPath): TextRange {
  return keyRange(context.tree(), path) ?? { offset: 0, length: 0 };
}

/** Replaces the value at `path` with `value` (rendered as JSON); undefined if it is not in the text. */
export function setValueFix(context: RuleContext, path: JsonPath, value: unknown, title: string, preferred = true): LintFix | undefined {
  const node = nodeAt(context.tree(), path);
  if (!node) return undefined;
  return { title, edits: [replaceNode(node, JSON.stringify(value))], ...(preferred ? { preferred } : {}) };
}

/** Renames the envelope's event; only an envelope has an `event` to rename. */
export function changeEventFix(context: RuleContext, event: EventName, preferred: boolean): LintFix | undefined {
  if (context.shape.kind !== 'envelope') return undefined;
  return setValueFix(context, ['event'], event, `Change the event to ${event}`, preferred);
}

/** Fixes that exist, for `fixes:` of a report. */
export function fixes(...candidates: (LintFix | undefined)[]): LintFix[] {
  return candidates.filter((fix): fix is LintFix => fix !== undefined);
}

const BOUNCE_MESSAGES = ['original_message', 'bounce'] as const;
const ONE_MESSAGE = ['message'] as const;

/** The keys of the message objects in a payload of `event`. */
export function messageKeys(event: EventName): readonly string[] {
  if (event === 'MessageBounced') return BOUNCE_MESSAGES;
  return event.startsWith('Message') ? ONE_MESSAGE : [];
}

/** A finite number, the only kind of timestamp a rule can reason about. */
export function numberAt(context: RuleContext, path: JsonPath): number | undefined {
  const value = valueIn(context, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function stringAt(context: RuleContext, path: JsonPath): string | undefined {
  const value = valueIn(context, path);
  return typeof value === 'string' ? value : undefined;
}

/** A date for messages: `2024-05-01 12:51:31 UTC`. */
export function describeTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
