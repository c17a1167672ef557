import { type DeliveryPolicy, type PostalOutcome } from './deliveryPolicy';
import { INBOUND_POLICY } from './inboundPolicy';
import { WEBHOOK_POLICY } from './webhookPolicy';

/** The policy Postal judges a received request's answer by: inbound e-mail's, or webhooks'. */
export function policyForRecord(record: { kind: string }): DeliveryPolicy {
  return record.kind === 'inbound' ? INBOUND_POLICY : WEBHOOK_POLICY;
}

/** "Postal retries in 6.5 min", "Postal gives up and bounces the mail to its sender": what follows a failed answer. */
export function afterFailure(outcome: PostalOutcome, lastAttemptNote = ''): string {
  if (outcome.willRetry) return `Postal retries in ${Math.round((outcome.nextAttemptInMinutes ?? 0) * 10) / 10} min`;
  if (outcome.bounce === true) return 'Postal gives up and bounces the mail to its sender';
  if (outcome.bounce === false) return 'Postal gives up, without a bounce';
  return `Postal gives up${lastAttemptNote}`;
}
