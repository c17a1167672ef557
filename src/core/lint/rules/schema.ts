import { ENVELOPE_KEYS, type EnvelopeIssue, knownKeysAt } from '../../events';
import { inboundKeysAt } from '../../inbound/inboundFields';
import { isPlainObject } from '../../jsonValue';
import { insertProperty } from '../insertProperty';
import { headRange, nodeAt, valueRange } from '../locate';
import { MAX_NESTING_DEPTH } from '../parseDocument';
import { type LintRule, type RuleContext } from '../rule';
import { type JsonPath, type LintFix, type TextRange } from '../types';
import { missingValue, NO_VALUE } from './missingValue';

/** Issues other rules report in their own words. */
const COVERED_ELSEWHERE = new Set(['unknown-event', 'bare-payload']);

/**
 * Everything the event schemas reject that no specific rule explains better: missing fields,
 * wrong types, values outside an enum. Runs last, so it can skip paths already reported.
 */
export const schema: LintRule = {
  id: 'postal/schema',
  defaultSeverity: 'error',
  description: 'A field is missing, has the wrong type or a value Postal never sends (the event schemas).',
  check(context) {
    const { doc } = context;
    if (doc.tooDeep !== undefined) {
      const message = `Nested ${doc.tooDeep} levels deep (more than ${MAX_NESTING_DEPTH}); a Postal body has three levels at most, so this was not checked further`;
      context.report({ range: { offset: 0, length: Math.min(1, doc.text.length) }, message });
      return;
    }
    // Nothing parsed, or broken text that is not even an object: the syntax errors say why.
    if (doc.value === undefined || (!doc.wellFormed && !isPlainObject(doc.value))) return;
    for (const issue of context.schemaIssues() ?? []) {
      if (COVERED_ELSEWHERE.has(issue.code) || context.isClaimed(issue.path)) continue;
      // In broken text "missing" often means "not parsed yet"; it is reported once the syntax is fixed.
      if (issue.code === 'missing' && !doc.wellFormed) continue;
      if (issue.code === 'missing') reportMissing(context, issue);
      else context.report({ range: rangeFor(context, issue.path), message: issue.message });
    }
  },
};

function reportMissing(context: RuleContext, issue: EnvelopeIssue): void {
  const parentPath = issue.path.slice(0, -1);
  const key = issue.path[issue.path.length - 1];
  const fix = typeof key === 'string' ? insertFix(context, parentPath, key) : undefined;
  context.report({ range: headRange(context.tree(), parentPath) ?? rangeFor(context, parentPath), message: issue.message, fixes: fix ? [fix] : [] });
}

function insertFix(context: RuleContext, parentPath: JsonPath, key: string): LintFix | undefined {
  const object = nodeAt(context.tree(), parentPath);
  if (!object || object.type !== 'object') return undefined;
  const value = missingValue(context, [...parentPath, key]);
  if (value === NO_VALUE) return undefined;
  const order = keyOrder(context, parentPath);
  const shown = JSON.stringify(value) ?? '';
  const title = `Insert "${key}"${shown.length <= 40 ? `: ${shown}` : ''}`;
  return { title, edits: [insertProperty(context.text, object, key, value, order)], preferred: true };
}

/** Postal's key order for the object at `parentPath`, to insert a field where Postal puts it. */
function keyOrder(context: RuleContext, parentPath: JsonPath): readonly string[] {
  if (context.shape.kind === 'inbound') return inboundKeysAt(context.shape.format, parentPath) ?? [];
  const envelopePath = context.shape.kind === 'bare-payload' ? ['payload', ...parentPath] : parentPath;
  if (envelopePath.length === 0) return ENVELOPE_KEYS;
  return context.event ? (knownKeysAt(context.event, envelopePath) ?? []) : [];
}

function rangeFor(context: RuleContext, path: JsonPath): TextRange {
  return valueRange(context.tree(), path) ?? { offset: 0, length: Math.min(1, context.text.length) };
}
