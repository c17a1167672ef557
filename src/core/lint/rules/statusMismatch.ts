import { DELIVERY_EVENT_BY_STATUS, DELIVERY_STATUS_BY_EVENT, isDeliveryStatus } from '../../events';
import { type LintRule } from '../rule';
import { changeEventFix, fixes, inPayload, rangeOfValue, setValueFix, valueIn } from './support';

/**
 * Postal picks the event from the delivery status, so each delivery event has exactly one
 * status: MessageSent "Sent", MessageDelayed "SoftFail", MessageDeliveryFailed "HardFail",
 * MessageHeld "Held".
 */
export const statusMismatch: LintRule = {
  id: 'postal/status-mismatch',
  defaultSeverity: 'error',
  description: 'The delivery status is one Postal never sends with this event (MessageSent is always "Sent", …).',
  check(context) {
    const { event } = context;
    if (!event || !Object.hasOwn(DELIVERY_STATUS_BY_EVENT, event)) return;
    const expected = DELIVERY_STATUS_BY_EVENT[event as keyof typeof DELIVERY_STATUS_BY_EVENT];
    const path = inPayload(context, 'status');
    const status = valueIn(context, path);
    if (status === undefined || status === expected) return;
    const otherEvent = isDeliveryStatus(status) ? DELIVERY_EVENT_BY_STATUS[status] : undefined;
    const shown = typeof status === 'string' ? `"${status.slice(0, 40)}"` : JSON.stringify(status);
    const note = otherEvent ? ` (Postal sends ${shown} deliveries as ${otherEvent})` : '';
    context.report({
      range: rangeOfValue(context, path),
      path,
      message: `${event} always has status "${expected}", not ${shown}${note}`,
      fixes: fixes(
        setValueFix(context, path, expected, `Set the status to "${expected}"`),
        otherEvent ? changeEventFix(context, otherEvent, false) : undefined,
      ),
    });
  },
};
