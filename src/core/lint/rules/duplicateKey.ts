import { type Node } from 'jsonc-parser';
import { removeProperty } from '../edits';
import { rangeOf } from '../locate';
import { type LintRule } from '../rule';

/**
 * A repeated key parses without complaint, and `JSON.parse` silently keeps the last value.
 * Each earlier occurrence is reported, since that is the one a handler will never see.
 * A warning, as VS Code's JSON language service reports it in the editor (where this rule then
 * stays quiet), so the editor and the CLI agree.
 */
export const duplicateKey: LintRule = {
  id: 'postal/duplicate-key',
  defaultSeverity: 'warning',
  description: 'A key appears twice in one object; JSON.parse keeps only the last one.',
  check(context) {
    if (!context.doc.mayHaveDuplicateKeys) return;
    const root = context.tree();
    if (!root) return;
    const pending: Node[] = [root];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'object') reportDuplicates(context, node);
      for (const child of node.children ?? []) {
        if (child.type === 'object' || child.type === 'array') pending.push(child);
        else if (child.type === 'property' && child.children?.[1]) pending.push(child.children[1]);
      }
    }
  },
};

function reportDuplicates(context: Parameters<LintRule['check']>[0], object: Node): void {
  const lastByKey = new Map<string, Node>();
  for (const property of object.children ?? []) {
    const key = property.children?.[0]?.value;
    if (typeof key === 'string') lastByKey.set(key, property);
  }
  for (const property of object.children ?? []) {
    const keyNode = property.children?.[0];
    const key = keyNode?.value;
    if (!keyNode || typeof key !== 'string' || lastByKey.get(key) === property) continue;
    context.report({
      range: rangeOf(keyNode),
      message: `Duplicate key "${key}": JSON.parse keeps only the last one, so this value is silently dropped`,
      fixes: [{ title: `Remove this earlier "${key}"`, edits: [removeProperty(context.text, property)], preferred: true }],
    });
  }
}
