import { type DeliveryPolicy, type PostalOutcome } from './deliveryPolicy';
import { INBOUND_POLICY, inboundPolicy } from './inboundPolicy';
import { WEBHOOK_POLICY } from './webhookPolicy';

/** What a received request says about itself that decides how Postal judges our answer. */
export interface PolicyFacts {
  kind: string;
  /** An inbound e-mail's summary: Postal bounces a failed one to its sender unless it is a bounce or has none. */
  inbound?: { bounce: boolean | null; mailFrom: string | null };
}

/** The policy Postal judges a received request's answer by: inbound e-mail's (bouncing as the message allows), or webhooks'. */
export function policyForRecord(record: PolicyFacts): DeliveryPolicy {
  if (record.kind !== 'inbound') return WEBHOOK_POLICY;
  const inbound = record.inbound;
  if (inbound === undefined) return INBOUND_POLICY;
  return inboundPolicy({ sendsBounces: inbound.bounce !== true && inbound.mailFrom !== null && inbound.mailFrom !== '' });
}

/** "Postal retries in 6.5 min", "Postal gives up and bounces the mail to its sender": what follows a failed answer. */
export function afterFailure(outcome: PostalOutcome, lastAttemptNote = ''): string {
  if (outcome.willRetry) return `Postal retries in ${Math.round((outcome.nextAttemptInMinutes ?? 0) * 10) / 10} min`;
  if (outcome.bounce === true) return 'Postal gives up and bounces the mail to its sender';
  if (outcome.bounce === false) return 'Postal gives up, without a bounce';
  return `Postal gives up${lastAttemptNote}`;
}

/**
 * The status Postal gives an inbound message's delivery after this answer, as its web UI shows
 * it: `Sent`, `SoftFail` (it tries again) or `HardFail` (it stopped trying).
 */
export function deliveryStatusName(outcome: PostalOutcome): 'Sent' | 'SoftFail' | 'HardFail' {
  if (outcome.success) return 'Sent';
  return outcome.willRetry ? 'SoftFail' : 'HardFail';
}
