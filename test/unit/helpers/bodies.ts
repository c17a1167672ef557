import { type EventName, sampleEnvelope } from '../../../src/core/events';

let counter = 0;

/**
 * A Postal envelope from the event model's samples, as the compact bytes Postal sends. Each call
 * has its own seed (so its own uuid) unless a uuid is given.
 */
export function postalBody(uuid?: string, event: EventName = 'MessageSent', variant = 'default'): string {
  counter += 1;
  const envelope = sampleEnvelope(event, variant, { seed: counter, now: 1_714_567_890 });
  return JSON.stringify(uuid === undefined ? envelope : { ...envelope, uuid });
}
