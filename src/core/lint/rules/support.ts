import { type EventName } from '../../events';
import { isPlainObject } from '../documentShape';
import { replaceNode } from '../edits';
import { keyRange, nodeAt, valueRange } from '../locate';
import { type RuleContext } from '../rule';
import { type JsonPath, type LintFix, type TextRange } from '../types';

/** Helpers the rules share: reading values by path and building the common fixes. */

export function valueAtPath(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

export function hasPath(root: unknown, path: JsonPath): boolean {
  if (path.length === 0) return true;
  const parent = valueAtPath(root, path.slice(0, -1));
  return isPlainObject(parent) && Object.hasOwn(parent, path[path.length - 1]);
}

/** A path relative to the payload, made absolute for this document. */
export function inPayload(context: RuleContext, ...path: (string | number)[]): JsonPath {
  return [...context.payloadPath, ...path];
}

export function valueIn(context: RuleContext, path: JsonPath): unknown {
  return valueAtPath(context.doc.value, path);
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

/** The message objects in a payload of `event`, as payload-relative paths. */
export function messagePaths(event: EventName): JsonPath[] {
  if (event === 'MessageBounced') return [['original_message'], ['bounce']];
  if (event.startsWith('Message')) return [['message']];
  return [];
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
