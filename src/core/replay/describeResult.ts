import { type DeliveryPolicy, deliveryStatusName, WEBHOOK_POLICY } from '../delivery';
import { type SendResult } from './sendPostalRequest';

/**
 * "Postal would …": what Postal does after this answer under `policy`, in one sentence (the
 * answer itself is told by `describeAnswer`): count it delivered, retry (attempt n of 6) in m
 * minutes, or give up, and for inbound mail whether the sender gets a bounce.
 */
export function describePostalOutcome(result: SendResult, policy: DeliveryPolicy = WEBHOOK_POLICY): string {
  const { outcome } = result;
  if (outcome === undefined) return 'Cancelled before an answer came.';
  // Inbound e-mail (the policy that bounces) has delivery statuses of its own in Postal.
  const inbound = policy.bouncesOnFinalFailure !== undefined;
  if (outcome.success) return inbound ? 'Postal would mark the mail Sent.' : 'Postal would count this as delivered.';
  const status = result.response?.status ?? 0;
  const redirect = status >= 300 && status < 400 ? 'Postal does not follow redirects, so this is a failure: ' : '';
  const note = `${inbound ? `${deliveryStatusName(outcome)}. ` : ''}${redirect}`;
  const max = policy.maxAttempts;
  const bounce = outcome.bounce === true ? ', and it would send a bounce e-mail to the message\'s sender' : outcome.bounce === false ? ', without a bounce to the sender' : '';
  if (outcome.gaveUp && outcome.attempt < max) return `${note}Postal would not try again: it does not retry this answer${bounce}.`;
  if (outcome.gaveUp) return `${note}Postal would give up: that was attempt ${outcome.attempt} of ${max}${bounce}.`;
  const minutes = Math.round((outcome.nextAttemptInMinutes ?? 0) * 10) / 10;
  return `${note}Postal would retry (attempt ${outcome.attempt + 1} of ${max}) in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** "200 OK in 12 ms", "Connection refused … after 3 ms". */
export function describeAnswer(result: SendResult): string {
  const time = `${Math.round(result.timeMs)} ms`;
  if (result.response !== undefined) return `${result.response.status}${result.response.statusText ? ` ${result.response.statusText}` : ''} in ${time}`;
  return `${result.error?.message ?? 'No answer'} (after ${time})`;
}
