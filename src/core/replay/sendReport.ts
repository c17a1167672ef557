import { type DeliveryPolicy } from '../delivery';
import { type PostalRequest } from './postalRequest';
import { type SendResult } from './sendPostalRequest';

/** One thing sent and every attempt's result: what the answer page shows (`label`: an event name and its uuid when known). */
export interface SentItem {
  label: string;
  request: PostalRequest;
  /** One result per attempt (several when retries are simulated). */
  attempts: SendResult[];
  /** How Postal judges the answers; default: webhooks. */
  policy?: DeliveryPolicy;
}
