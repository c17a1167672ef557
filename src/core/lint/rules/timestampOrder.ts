import { isDeliveryEvent } from '../../events';
import { type LintRule, type RuleContext } from '../rule';
import { type JsonPath } from '../types';
import { describeTime, inPayload, messageKeys, numberAt, rangeOfValue } from './support';
import { MILLISECONDS_THRESHOLD } from './timestampMilliseconds';

/**
 * Postal creates the message first, then each delivery (`payload.timestamp`), then the webhook
 * request whose creation time is the envelope `timestamp`. Times out of that order come from a
 * hand-edited or mixed-up fixture, and a handler that checks order would misbehave.
 */
export const timestampOrder: LintRule = {
  id: 'postal/timestamp-order',
  defaultSeverity: 'warning',
  description: 'A delivery or envelope timestamp is earlier than the message it is about.',
  check(context) {
    const event = context.event;
    if (!event) return;
    const [firstMessage] = messageKeys(event);
    if (!firstMessage) return;
    const messagePath = inPayload(context, firstMessage, 'timestamp');
    const created = seconds(context, messagePath);
    if (created === undefined) return;
    if (isDeliveryEvent(event)) {
      checkNotBefore(context, inPayload(context, 'timestamp'), created, 'The delivery', messagePath);
    }
    if (context.shape.kind === 'envelope') checkNotBefore(context, ['timestamp'], created, 'The webhook (envelope timestamp)', messagePath);
  },
};

function checkNotBefore(context: RuleContext, path: JsonPath, created: number, what: string, messagePath: JsonPath): void {
  const value = seconds(context, path);
  if (value === undefined || value >= created) return;
  context.report({
    range: rangeOfValue(context, path),
    message: `${what} is dated ${describeTime(value)}, ${formatGap(created - value)} before the message was created (${messagePath.join('.')}: ${describeTime(created)}); Postal creates the message first`,
  });
}

/** A timestamp in seconds; milliseconds are another rule's business and would compare wrongly. */
function seconds(context: RuleContext, path: JsonPath): number | undefined {
  const value = numberAt(context, path);
  return value !== undefined && Math.abs(value) <= MILLISECONDS_THRESHOLD ? value : undefined;
}

function formatGap(seconds: number): string {
  if (seconds < 120) return `${Number(seconds.toFixed(3))} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}
