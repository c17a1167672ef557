import { ENVELOPE_KEYS, knownKeysAt } from '../../events';
import { isPlainObject } from '../documentShape';
import { removeProperty, replaceNode } from '../edits';
import { propertyAt } from '../locate';
import { type LintRule, type RuleContext } from '../rule';
import { type JsonPath, type LintFix } from '../types';
import { editDistance } from './eventSuggestions';
import { rangeOfKey, valueIn } from './support';

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
    const event = context.event;
    if (context.shape.kind === 'envelope') checkObject(context, [], ENVELOPE_KEYS);
    if (!event) return;
    const pending: JsonPath[] = [[]];
    for (let relative = pending.pop(); relative; relative = pending.pop()) {
      const known = knownKeysAt(event, ['payload', ...relative]);
      const path = [...context.payloadPath, ...relative];
      const object = valueIn(context, path);
      if (!known || !isPlainObject(object)) continue;
      checkObject(context, path, known);
      for (const key of known) if (isPlainObject(object[key])) pending.push([...relative, key]);
    }
  },
};

function checkObject(context: RuleContext, path: JsonPath, known: readonly string[]): void {
  const object = valueIn(context, path);
  if (!isPlainObject(object)) return;
  const missing = known.filter((key) => !Object.hasOwn(object, key));
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
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

