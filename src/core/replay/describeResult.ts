import { POSTAL_DELIVERY } from '../listener/postalRetries';
import { type SendResult } from './sendPostalRequest';

/** "Postal would …": what Postal does after this answer, in one sentence. */
export function describePostalOutcome(result: SendResult): string {
  const { outcome } = result;
  if (outcome === undefined) return 'Cancelled before an answer came.';
  if (outcome.success) return 'Postal would count this as delivered.';
  const why = result.response === undefined ? 'no answer' : result.response.status >= 300 && result.response.status < 400 ? 'a redirect, which Postal does not follow' : `status ${result.response.status}`;
  if (outcome.gaveUp) return `Postal would give up after ${why}: attempt ${outcome.attempt} of ${POSTAL_DELIVERY.maxAttempts} was the last.`;
  const minutes = outcome.nextAttemptInMinutes ?? 0;
  return `Postal would retry after ${why} (attempt ${outcome.attempt + 1} of ${POSTAL_DELIVERY.maxAttempts}) in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** "200 OK in 12 ms", "Connection refused … after 3 ms". */
export function describeAnswer(result: SendResult): string {
  const time = `${Math.round(result.timeMs)} ms`;
  if (result.response !== undefined) return `${result.response.status}${result.response.statusText ? ` ${result.response.statusText}` : ''} in ${time}`;
  return `${result.error?.message ?? 'No answer'} (after ${time})`;
}
