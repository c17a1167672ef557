import { type LintRule, type RuleContext } from '../rule';
import { changeEventFix, fixes, inPayload, numberAt, rangeOfValue } from './support';

/** Postal flags "approaching" at 90% of the hourly limit and "exceeded" at the limit. */
export const APPROACHING_SHARE = 0.9;

/**
 * The volume and limit a send-limit event carries must be ones that trigger it: Approaching
 * from 90% up to (not including) the limit, Exceeded from the limit on (`Server#send_limit_*?`,
 * the same float comparison). A warning, not an error: the event reports the volume when the
 * notification task runs, up to three minutes after the flag was set, so edge cases exist.
 */
export const sendLimit: LintRule = {
  id: 'postal/send-limit',
  defaultSeverity: 'warning',
  description: 'Volume and limit that would not trigger this SendLimit event (Approaching from 90 %, Exceeded from 100 %).',
  check(context) {
    const event = context.event;
    if (event !== 'SendLimitApproaching' && event !== 'SendLimitExceeded') return;
    const volumePath = inPayload(context, 'volume');
    const limitPath = inPayload(context, 'limit');
    const volume = numberAt(context, volumePath);
    const limit = numberAt(context, limitPath);
    if (volume === undefined || limit === undefined) return;
    if (limit <= 0) {
      context.report({
        range: rangeOfValue(context, limitPath),
        message: `A send limit of ${limit} holds every outgoing message; a server without a limit sends no SendLimit events at all`,
      });
      return;
    }
    if (event === 'SendLimitApproaching') checkApproaching(context, volume, limit);
    else if (volume < limit) {
      const approaching = volume >= limit * APPROACHING_SHARE;
      report(context, `SendLimitExceeded is sent once the volume reaches the limit, but ${volume} is below ${limit}${approaching ? ' (this is SendLimitApproaching territory)' : ''}`, approaching);
    }
  },
};

function checkApproaching(context: RuleContext, volume: number, limit: number): void {
  if (volume >= limit) {
    report(context, `A volume of ${volume} has reached the limit of ${limit}: that is SendLimitExceeded (Postal sends Approaching with it only when both fire in the same minute)`, true);
  } else if (volume < limit * APPROACHING_SHARE) {
    report(context, `SendLimitApproaching is sent from 90 % of the limit (${Math.ceil(limit * APPROACHING_SHARE)} of ${limit}), but the volume is ${volume}`, false);
  }
}

function report(context: RuleContext, message: string, offerOtherEvent: boolean): void {
  const volumePath = inPayload(context, 'volume');
  const other = context.event === 'SendLimitApproaching' ? 'SendLimitExceeded' : 'SendLimitApproaching';
  context.report({
    range: rangeOfValue(context, volumePath),
    message,
    fixes: offerOtherEvent ? fixes(changeEventFix(context, other, true)) : [],
  });
}
