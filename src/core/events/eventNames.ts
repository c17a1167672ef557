/**
 * The ten event names Postal sends (reference §1). Everything else in the project (schemas,
 * catalog, JSON Schema, snippets, tree icons) derives from this one list.
 */
export const EVENT_NAMES = [
  'MessageSent',
  'MessageDelayed',
  'MessageDeliveryFailed',
  'MessageHeld',
  'MessageBounced',
  'MessageLinkClicked',
  'MessageLoaded',
  'DomainDNSError',
  'SendLimitApproaching',
  'SendLimitExceeded',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

const EVENT_NAME_SET: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && EVENT_NAME_SET.has(value);
}

/** Builds a record with one entry per event, in EVENT_NAMES order. */
export function mapEvents<T>(make: (event: EventName) => T): Record<EventName, T> {
  return Object.fromEntries(EVENT_NAMES.map((event) => [event, make(event)])) as Record<EventName, T>;
}

/**
 * The known event name closest to `name` (case-insensitive edit distance), for "did you mean"
 * hints; undefined when nothing is close enough to be a plausible typo.
 */
export function closestEventName(name: string): EventName | undefined {
  const wanted = name.toLowerCase();
  let best: { name: EventName; distance: number } | undefined;
  for (const candidate of EVENT_NAMES) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  const tolerance = Math.max(2, Math.floor(name.length / 4));
  return best && best.distance <= tolerance ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
