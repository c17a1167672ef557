import { isDeliveryEvent } from '../../events';
import { type LintRule, type RuleContext } from '../rule';
import { type JsonPath } from '../types';
import { fixes, inPayload, messageKeys, rangeOfValue, setValueFix, stringAt } from './support';

/** `Delivery.create` cuts details and output to 250 characters; Postal keeps 200 of a subject. */
export const DETAILS_LIMIT = 250;
export const SUBJECT_LIMIT = 200;

/** Strings longer than Postal stores cannot arrive in a webhook; a test built on one tests nothing real. */
export const fieldLength: LintRule = {
  id: 'postal/field-length',
  defaultSeverity: 'warning',
  description: 'details or output longer than the 250 characters Postal stores, or a subject over 200.',
  check(context) {
    if (context.shape.kind === 'inbound' && context.shape.format === 'hash') checkLength(context, ['subject'], SUBJECT_LIMIT, 'Postal keeps the first 200 characters of a subject');
    const event = context.event;
    if (!event) return;
    if (isDeliveryEvent(event)) {
      checkLength(context, inPayload(context, 'details'), DETAILS_LIMIT, 'Postal cuts delivery details to 250 characters when it stores them');
      checkLength(context, inPayload(context, 'output'), DETAILS_LIMIT, 'Postal cuts delivery output to 250 characters when it stores it');
    }
    for (const message of messageKeys(event)) {
      checkLength(context, inPayload(context, message, 'subject'), SUBJECT_LIMIT, 'Postal keeps the first 200 characters of a subject');
    }
  },
};

function checkLength(context: RuleContext, path: JsonPath, limit: number, why: string): void {
  const value = stringAt(context, path);
  if (value === undefined || value.length <= limit) return;
  context.report({
    range: rangeOfValue(context, path),
    path,
    message: `${String(path[path.length - 1])} has ${value.length} characters: ${why}`,
    fixes: fixes(setValueFix(context, path, value.slice(0, limit), `Cut to ${limit} characters, as Postal does`)),
  });
}
