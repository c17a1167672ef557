import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { type Envelope, envelopeSchemas, payloadSchemas, type PayloadOf } from './envelope';
import { closestEventName, type EventName, isEventName } from './eventNames';
import { looksLikeBarePayload } from './guessEvent';
import { isPlainObject } from '../jsonValue';
import { type EnvelopeIssue, toEnvelopeIssue } from './issues';
import { renderValue } from './schemaText';

// zod/mini speaks no language until told; issues no message of ours covers keep zod's English.
z.config(en());

export type EnvelopeValidation = { ok: true; envelope: Envelope } | { ok: false; issues: EnvelopeIssue[] };
export type PayloadValidation<E extends EventName = EventName> =
  | { ok: true; payload: PayloadOf<E> }
  | { ok: false; issues: EnvelopeIssue[] };

/**
 * Checks a parsed webhook body against the schema of the event it names. On success `envelope`
 * is the value passed in, unchanged (same key order, unknown keys kept), now typed. An unknown
 * or missing `event` gives that one issue and nothing else, since the payload cannot be judged
 * without knowing the event.
 */
export function validateEnvelope(value: unknown): EnvelopeValidation {
  if (!isPlainObject(value)) {
    const message = `The webhook body must be a JSON object with event, timestamp, payload and uuid, got ${renderValue(value)}`;
    return { ok: false, issues: [{ path: [], code: 'not-object', message, expected: 'an object', received: renderValue(value) }] };
  }
  const eventIssue = checkEventName(value);
  if (eventIssue) return { ok: false, issues: [eventIssue] };
  const event = value.event as EventName;
  const result = envelopeSchemas()[event].safeParse(value);
  if (result.success) return { ok: true, envelope: value as Envelope };
  const context = { event, root: value, base: [], rootLabel: 'the webhook body' };
  return { ok: false, issues: result.error.issues.map((issue) => toEnvelopeIssue(issue, context)) };
}

/**
 * Checks an event payload on its own (a file holding just the inner `payload`, as Postal's docs
 * and history page show it). Issue paths start at the payload. On success `payload` is the value
 * passed in, unchanged.
 */
export function validatePayload<E extends EventName>(event: E, payload: unknown): PayloadValidation<E> {
  const result = payloadSchemas()[event].safeParse(payload);
  if (result.success) return { ok: true, payload: payload as PayloadOf<E> };
  const context = { event, root: payload, base: ['payload'], rootLabel: 'the payload' };
  return { ok: false, issues: result.error.issues.map((issue) => toEnvelopeIssue(issue, context)) };
}

function checkEventName(envelope: Record<string, unknown>): EnvelopeIssue | undefined {
  const event = envelope.event;
  if (isEventName(event)) return undefined;
  if (event === undefined) return missingEventIssue(envelope);
  const received = renderValue(event);
  const expected = 'a Postal event name';
  if (typeof event !== 'string') {
    return { path: ['event'], code: 'type', expected, received, message: `event must be a string naming a Postal event, got ${received}` };
  }
  const suggestion = closestEventName(event);
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  return { path: ['event'], code: 'unknown-event', expected, received, message: `event ${received} is not a Postal event${hint}` };
}

function missingEventIssue(value: Record<string, unknown>): EnvelopeIssue {
  const bare = value.payload === undefined ? looksLikeBarePayload(value) : undefined;
  if (bare) {
    const message = `This looks like the bare payload of a ${bare} event; Postal wraps it in {"event", "timestamp", "payload", "uuid"}`;
    return { path: [], code: 'bare-payload', message, expected: 'a webhook body', received: `a ${bare} payload` };
  }
  return { path: ['event'], code: 'missing', expected: 'a Postal event name', message: 'event is missing (Postal always sends the event name, e.g. "MessageSent")' };
}
