/**
 * What Postal does with an answer: success, a retry after some minutes, or giving up. One
 * `DeliveryPolicy` per kind of request Postal delivers; the listener (what Postal makes of our
 * answer) and replays (what Postal would make of the app's) judge answers through it.
 */
export {
  type AnswerVerdict,
  answerAfterDelay,
  answerOf,
  type DeliveryPolicy,
  deliveryOutcome,
  outcomeOfDelayedAnswer,
  POSTAL_RESULT_CODE,
  type PostalAnswer,
  type PostalOutcome,
} from './deliveryPolicy';
export { INBOUND_MAX_ATTEMPTS, INBOUND_POLICY, inboundPolicy, type InboundPolicyOptions, inboundRetryDelayMinutes, INBOUND_TIMEOUT_RANGE } from './inboundPolicy';
export { afterFailure, deliveryStatusName, type PolicyFacts, policyForRecord } from './policyForRecord';
export { WEBHOOK_POLICY, WEBHOOK_RETRY_DELAYS_MINUTES } from './webhookPolicy';
