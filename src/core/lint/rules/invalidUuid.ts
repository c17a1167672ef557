import { UUID_PATTERN } from '../../events';
import { type LintRule, type RuleContext } from '../rule';
import { type JsonPath } from '../types';
import { fixes, inPayload, rangeOfValue, setValueFix, stringAt } from './support';

/** Where Postal puts UUIDs: the envelope, the `server` object, and the domain in DomainDNSError. */
function uuidPaths(context: RuleContext): JsonPath[] {
  const paths: JsonPath[] = context.shape.kind === 'envelope' ? [['uuid']] : [];
  const event = context.event;
  if (event === 'DomainDNSError') paths.push(inPayload(context, 'uuid'));
  if (event === 'DomainDNSError' || event === 'SendLimitApproaching' || event === 'SendLimitExceeded') paths.push(inPayload(context, 'server', 'uuid'));
  return paths;
}

/** Postal makes every UUID with `SecureRandom.uuid`; anything else in those fields was typed by hand. */
export const invalidUuid: LintRule = {
  id: 'postal/invalid-uuid',
  defaultSeverity: 'error',
  description: 'A uuid field that is not a UUID (Postal sends random v4 UUIDs).',
  check(context) {
    // The schema checks the same pattern; when it passes there is nothing to look at.
    if (context.schemaIssues()?.length === 0) return;
    for (const path of uuidPaths(context)) {
      const value = stringAt(context, path);
      if (value === undefined || UUID_PATTERN.test(value)) continue;
      const uuid = context.randomUuid();
      context.report({
        range: rangeOfValue(context, path),
        path,
        message: `${path.join('.')} is not a UUID ("${value.slice(0, 40)}"); Postal sends random v4 UUIDs like 8a3f0c6e-2d4b-4f1a-9c7e-5b6d8e0f1a2b`,
        fixes: fixes(setValueFix(context, path, uuid, 'Replace with a fresh v4 UUID')),
      });
    }
  },
};
