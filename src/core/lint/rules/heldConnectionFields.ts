import { type LintRule, type RuleContext } from '../rule';
import { type JsonPath } from '../types';
import { fixes, inPayload, rangeOfValue, setValueFix, stringAt, valueIn } from './support';

/**
 * `details` of the HardFails Postal decides on its own, without talking to a mail server
 * (reference §3.2): max attempts, domain gone, no recipient, spam, no route.
 */
const INTERNAL_FAILURES = [
  /Maximum number of delivery attempts/i,
  /domain no longer exist/i,
  /doesn't have an RCPT to/i,
  /is likely spam/i,
  /does not have a route/i,
];

/**
 * A held message, or a HardFail Postal decided internally, never reached a mail server: the
 * delivery is created without a connection, so `sent_with_ssl` and `time` are null and
 * `output` is empty.
 */
export const heldConnectionFields: LintRule = {
  id: 'postal/held-connection-fields',
  defaultSeverity: 'warning',
  description: 'A held or internally failed delivery with connection details (sent_with_ssl, time, output) it cannot have.',
  check(context) {
    const reason = noConnectionReason(context);
    if (!reason) return;
    checkField(context, inPayload(context, 'sent_with_ssl'), null, reason);
    checkField(context, inPayload(context, 'time'), null, reason);
    checkField(context, inPayload(context, 'output'), '', reason);
  },
};

function noConnectionReason(context: RuleContext): string | undefined {
  if (context.event === 'MessageHeld') return 'A held message was never sent';
  if (context.event !== 'MessageDeliveryFailed') return undefined;
  const details = stringAt(context, inPayload(context, 'details'));
  if (details && INTERNAL_FAILURES.some((pattern) => pattern.test(details))) {
    return 'This HardFail was decided inside Postal, without contacting a mail server';
  }
  return undefined;
}

function checkField(context: RuleContext, path: JsonPath, expected: null | '', reason: string): void {
  const value = valueIn(context, path);
  if (value === undefined || value === expected) return;
  if (expected === '' && typeof value !== 'string') return; // a wrong type is the schema's to report
  const field = String(path[path.length - 1]);
  const shown = JSON.stringify(expected);
  context.report({
    range: rangeOfValue(context, path),
    path,
    message: `${reason}, so Postal sends ${field}: ${shown}`,
    fixes: fixes(setValueFix(context, path, expected, `Set ${field} to ${shown}`)),
  });
}
