import { ENVELOPE_KEYS, type EventName, knownKeysAt } from '../../events';
import { inboundKeysAt } from '../../inbound/inboundFields';
import { type InboundFormat } from '../../inbound/inboundFormat';
import { isPlainObject } from '../../jsonValue';
import { removeProperty, replaceNode } from '../edits';
import { propertyAt } from '../locate';
import { type LintRule, type RuleContext } from '../rule';
import { type JsonPath, type LintFix } from '../types';
import { editDistance } from './eventSuggestions';
import { rangeOfKey } from './support';

/**
 * Keys Postal never sends. The schema lets them through (a webhook body with extra keys is
 * still readable), but a handler or test that relies on one is relying on nothing.
 */
export const unknownKey: LintRule = {
  id: 'postal/unknown-key',
  defaultSeverity: 'warning',
  description: 'A key Postal never sends in this object; a handler depending on it breaks on real events.',
  check(context) {
    if (context.shape.kind === 'other') return;
    const root = context.doc.value;
    if (context.shape.kind === 'inbound') {
      checkInbound(context, context.shape.format, root);
      return;
    }
    if (context.shape.kind === 'envelope') checkObject(context, [], root, ENVELOPE_KEY_SET);
    if (!context.event) return;
    const pending: [JsonPath, unknown, KnownObject][] = [[context.payloadPath, context.payload, knownPayload(context.event)]];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [path, object, known] = next;
      if (!isPlainObject(object)) continue;
      checkObject(context, path, object, known.keys);
      for (const [key, child] of known.children) if (isPlainObject(object[key])) pending.push([[...path, key], object[key], child]);
    }
  },
};

/** The keys Postal sends in one object, and the objects nested in it. */
interface KnownObject {
  keys: ReadonlySet<string>;
  children: ReadonlyMap<string, KnownObject>;
}

const ENVELOPE_KEY_SET: ReadonlySet<string> = new Set(ENVELOPE_KEYS);
const KNOWN_PAYLOADS = new Map<EventName, KnownObject>();

/** Built once per event from `knownKeysAt`: each line of a large JSONL file asks the same questions. */
function knownPayload(event: EventName): KnownObject {
  let known = KNOWN_PAYLOADS.get(event);
  if (!known) {
    known = knownObjectAt(event, ['payload']) ?? { keys: new Set(), children: new Map() };
    KNOWN_PAYLOADS.set(event, known);
  }
  return known;
}

function knownObjectAt(event: EventName, path: JsonPath): KnownObject | undefined {
  const keys = knownKeysAt(event, path);
  if (!keys) return undefined;
  const children = new Map<string, KnownObject>();
  for (const key of keys) {
    const child = knownObjectAt(event, [...path, key]);
    if (child) children.set(key, child);
  }
  return { keys: new Set(keys), children };
}

const INBOUND_KEY_SETS = new Map<string, ReadonlySet<string>>();

/** The keys of the object at `path` of an inbound body, built once per place. */
function inboundKeySet(format: InboundFormat, path: JsonPath): ReadonlySet<string> {
  const key = `${format}:${path.length}`;
  let keys = INBOUND_KEY_SETS.get(key);
  if (keys === undefined) {
    keys = new Set(inboundKeysAt(format, path) ?? []);
    INBOUND_KEY_SETS.set(key, keys);
  }
  return keys;
}

/** An inbound body: its own keys, and those of each attachment. */
function checkInbound(context: RuleContext, format: InboundFormat, root: unknown): void {
  checkObject(context, [], root, inboundKeySet(format, []));
  const attachments = isPlainObject(root) ? root.attachments : undefined;
  if (format !== 'hash' || !Array.isArray(attachments)) return;
  attachments.forEach((attachment, index) => checkObject(context, ['attachments', index], attachment, inboundKeySet(format, ['attachments', 0])));
}

function checkObject(context: RuleContext, path: JsonPath, object: unknown, known: ReadonlySet<string>): void {
  if (!isPlainObject(object)) return;
  let missing: string[] | undefined;
  for (const key in object) {
    if (!Object.hasOwn(object, key) || known.has(key)) continue;
    missing ??= [...known].filter((candidate) => !Object.hasOwn(object, candidate));
    const keyPath = [...path, key];
    const rename = closest(key, missing);
    context.report({
      range: rangeOfKey(context, keyPath),
      path: keyPath,
      message: `Postal never sends "${key.slice(0, 60)}"${where(path)}; a handler that depends on it will break on real events${rename ? ` (did you mean "${rename}"?)` : ''}`,
      tags: ['unnecessary'],
      fixes: fixesFor(context, keyPath, rename),
    });
  }
}

function where(path: JsonPath): string {
  return path.length === 0 ? '' : ` in ${path.join('.')}`;
}

/** A missing known key within typo distance: `statu` → `status`, `ipAddress` → `ip_address`. */
function closest(key: string, missing: readonly string[]): string | undefined {
  const normalised = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  let best: { key: string; distance: number } | undefined;
  for (const candidate of missing) {
    const distance = editDistance(normalised, candidate.replace(/_/g, ''));
    if (distance <= Math.max(1, Math.floor(candidate.length / 4)) && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function fixesFor(context: RuleContext, path: JsonPath, rename: string | undefined): LintFix[] {
  const property = propertyAt(context.tree(), path);
  if (!property) return [];
  const key = String(path[path.length - 1]);
  const remove: LintFix = { title: `Remove "${key.slice(0, 60)}"`, edits: [removeProperty(context.text, property)], preferred: !rename };
  const keyNode = property.children?.[0];
  if (!rename || !keyNode) return [remove];
  return [{ title: `Rename to "${rename}"`, edits: [replaceNode(keyNode, JSON.stringify(rename))], preferred: true }, remove];
}

