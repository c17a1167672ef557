import { numberKindsFor } from './numberKinds';
import { railsJson } from './railsJson';

/**
 * Postal's exact HTTP body for an envelope object: Rails `to_json` (compact, keys in order,
 * `\u003c`-style escapes) with the event model deciding which numbers are Ruby Floats.
 * To send a file the user wrote, use `readPayloadFile`, which keeps their number text.
 */
export function postalBody(envelope: unknown): Buffer {
  return Buffer.from(railsJson(envelope, { numberKindAt: numberKindsFor(envelope) }), 'utf8');
}

/** The same encoding laid out for people (two-space indent), as inserted into editors. */
export function readableEnvelope(envelope: unknown): string {
  return railsJson(envelope, { numberKindAt: numberKindsFor(envelope), indent: 2 });
}
