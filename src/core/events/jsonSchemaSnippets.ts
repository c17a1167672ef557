import { type JsonPath } from '../jsonValue';
import { EVENT_CATALOG, sampleEnvelope } from './catalog';
import { EVENT_NAMES, type EventName } from './eventNames';

/** Fixed inputs, so the generated schema (and its drift test) never changes by itself. */
const SNIPPET_SAMPLE = { seed: 1042, now: 1714567890 } as const;

/** The fields a user most likely edits first, as tab stops in the order listed. */
const TAB_STOPS: Record<EventName, readonly JsonPath[]> = {
  MessageSent: deliveryStops(),
  MessageDelayed: deliveryStops(),
  MessageDeliveryFailed: deliveryStops(),
  MessageHeld: deliveryStops(),
  MessageBounced: [
    ['payload', 'original_message', 'to'],
    ['payload', 'original_message', 'subject'],
  ],
  MessageLinkClicked: [
    ['payload', 'url'],
    ['payload', 'message', 'to'],
  ],
  MessageLoaded: [
    ['payload', 'message', 'to'],
    ['payload', 'ip_address'],
  ],
  DomainDNSError: [
    ['payload', 'domain'],
    ['payload', 'server', 'name'],
  ],
  SendLimitApproaching: [
    ['payload', 'volume'],
    ['payload', 'limit'],
  ],
  SendLimitExceeded: [
    ['payload', 'volume'],
    ['payload', 'limit'],
  ],
};

function deliveryStops(): JsonPath[] {
  return [
    ['payload', 'message', 'to'],
    ['payload', 'message', 'subject'],
    ['payload', 'details'],
  ];
}

export interface DefaultSnippet {
  readonly label: string;
  readonly description: string;
  readonly body: unknown;
}

/**
 * One `defaultSnippets` entry per event for the JSON Schema, so an empty `*.postal.json` file
 * offers a complete envelope of each event. Bodies are the catalog's default samples with tab
 * stops on a few fields (VS Code inserts strings starting with `^` without quotes, which is how
 * numeric tab stops are written).
 */
export function defaultSnippets(): DefaultSnippet[] {
  return EVENT_NAMES.map((event) => ({
    label: event,
    description: EVENT_CATALOG[event].summary,
    body: withTabStops(structuredClone(sampleEnvelope(event, 'default', SNIPPET_SAMPLE)), TAB_STOPS[event]),
  }));
}

function withTabStops(body: unknown, stops: readonly JsonPath[]): unknown {
  assertNoSnippetSyntax(body);
  stops.forEach((path, index) => {
    const parent = path.slice(0, -1).reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], body);
    const record = parent as Record<string | number, unknown>;
    const key = path[path.length - 1];
    const value = record[key];
    const placeholder = `\${${index + 1}:${String(value)}}`;
    record[key] = typeof value === 'string' ? placeholder : `^${placeholder}`;
  });
  return body;
}

/** `$`, `}` and a leading `^` mean something in snippet bodies; the samples must not contain them. */
function assertNoSnippetSyntax(value: unknown): void {
  if (typeof value === 'string' && /[$}]|^\^/.test(value)) {
    throw new Error(`sample text ${JSON.stringify(value)} would be read as snippet syntax`);
  }
  if (value !== null && typeof value === 'object') Object.values(value).forEach(assertNoSnippetSyntax);
}
