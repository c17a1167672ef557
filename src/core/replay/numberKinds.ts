import { isEventName, type Schema, schemaAt, schemaKind, unwrapped } from '../events';
import { type JsonPath } from '../jsonValue';
import { type NumberKind, type NumberKindAt } from './railsJson';

/**
 * Which numbers of an envelope are Ruby Floats and which Integers, read from the event model:
 * `z.int()` fields (message `id`, `volume`, `limit`) are Integers, other numbers (`timestamp`,
 * `time`, `dns_checked_at`) Floats, which Rails writes with `.0` when whole. Not guessed from
 * the value: `1714567890` is a Float at `timestamp` and an Integer at `id`.
 * Paths the model does not know (an unknown event, an extra field) get undefined.
 */
export function numberKindsFor(envelope: unknown): NumberKindAt {
  const event = typeof envelope === 'object' && envelope !== null ? (envelope as { event?: unknown }).event : undefined;
  if (!isEventName(event)) return () => undefined;
  const cache = new Map<string, NumberKind>();
  return (path: JsonPath) => {
    const key = path.join('\u0000');
    if (!cache.has(key)) cache.set(key, kindOf(schemaAt(event, path)));
    return cache.get(key);
  };
}

function kindOf(schema: Schema | undefined): NumberKind {
  const kind = schema && schemaKind(unwrapped(schema));
  if (kind === 'integer') return 'integer';
  return kind === 'number' ? 'float' : undefined;
}
