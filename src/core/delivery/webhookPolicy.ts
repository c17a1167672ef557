import { type DeliveryPolicy } from './deliveryPolicy';

/**
 * `RETRIES` in `app/services/webhook_delivery_service.rb`: minutes Postal waits after failed
 * attempt 1…5 (about 36 minutes in all).
 */
export const WEBHOOK_RETRY_DELAYS_MINUTES = [2, 3, 6, 10, 15] as const;

/**
 * What Postal does with the answer to a webhook (`webhook_delivery_service.rb` and
 * `lib/postal/http.rb`, Postal 2.x and 3.x alike): only 2xx within 5 s succeeds (redirects are
 * not followed, so 3xx fails); every failure is retried after 2, 3, 6, 10 and 15 minutes; after
 * the sixth failure the request is deleted. `docs/postal-retries.md` explains it for people.
 */
export const WEBHOOK_POLICY: DeliveryPolicy = {
  timeoutSeconds: 5,
  maxAttempts: WEBHOOK_RETRY_DELAYS_MINUTES.length + 1,
  verdict: (statusCode) => (statusCode >= 200 && statusCode <= 299 ? 'sent' : 'soft-fail'),
  retryDelayMinutes: (attempt) => WEBHOOK_RETRY_DELAYS_MINUTES[attempt - 1],
};
