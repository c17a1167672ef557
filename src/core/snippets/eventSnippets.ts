import { EVENT_CATALOG, type EventName, listVariants, sampleEnvelope } from '../events';
import { numberKindsFor } from '../replay/numberKinds';
import { railsJson, railsNumber, railsString } from '../replay/railsJson';
import { bodyLines, literalSnippetText, type SnippetFile, tabStop, variable } from './snippetSyntax';

/** Fixed sample inputs, so the generated file only changes when the catalog does. */
const SNIPPET_SAMPLE = { seed: 1042, now: 1714567890 } as const;

type Path = readonly string[];

/** The values a user most likely changes first, as tab stops in this order. */
const DELIVERY_STOPS: Path[] = [['payload', 'message', 'to'], ['payload', 'message', 'subject'], ['payload', 'details']];
const TAB_STOPS: Record<EventName, Path[]> = {
  MessageSent: DELIVERY_STOPS,
  MessageDelayed: DELIVERY_STOPS,
  MessageDeliveryFailed: DELIVERY_STOPS,
  MessageHeld: DELIVERY_STOPS,
  MessageBounced: [['payload', 'original_message', 'to'], ['payload', 'original_message', 'subject']],
  MessageLinkClicked: [['payload', 'url'], ['payload', 'message', 'to']],
  MessageLoaded: [['payload', 'message', 'to'], ['payload', 'ip_address']],
  DomainDNSError: [['payload', 'domain'], ['payload', 'server', 'name']],
  SendLimitApproaching: [['payload', 'volume'], ['payload', 'limit']],
  SendLimitExceeded: [['payload', 'volume'], ['payload', 'limit']],
};

/** Unix-time fields that get the current second when the snippet is inserted. */
const TIME_KEYS = new Set(['timestamp', 'dns_checked_at']);
/** Marks a value to be replaced by snippet syntax after encoding; no sample contains `@@`. */
const MARK = /"@@(\d+|UUID|NOW:\d+)@@"/g;

/** The snippet prefix of a variant: `postal-MessageSent`, `postal-MessageSent-incoming-http`. */
export function eventSnippetPrefix(event: EventName, variant: string): string {
  return variant === 'default' ? `postal-${event}` : `postal-${event}-${variant}`;
}

/**
 * A JSON snippet for every event and sample variant of the catalog: the sample envelope laid
 * out as Postal would encode it, with a fresh `${UUID}`, the current time
 * (`${CURRENT_SECONDS_UNIX}` plus the sample's microseconds) and tab stops on the values a user
 * edits first.
 */
export function buildEventSnippets(): SnippetFile {
  const file: SnippetFile = {};
  for (const variant of listVariants()) {
    const info = EVENT_CATALOG[variant.event];
    const name = variant.name === 'default' ? `Postal ${variant.event}` : `Postal ${variant.event}: ${variant.label}`;
    file[name] = {
      prefix: eventSnippetPrefix(variant.event, variant.name),
      description: `${info.summary} ${variant.description}`,
      body: bodyLines(snippetBody(variant.event, variant.name)),
    };
  }
  return file;
}

function snippetBody(event: EventName, variant: string): string {
  const envelope = sampleEnvelope(event, variant, SNIPPET_SAMPLE) as unknown as Record<string, unknown>;
  const kinds = numberKindsFor(envelope);
  const marked = structuredClone(envelope);
  const defaults: string[] = [];
  TAB_STOPS[event].forEach((path, index) => {
    const value = readPath(envelope, path);
    defaults.push(typeof value === 'string' ? railsString(value).slice(1, -1) : railsNumber(value as number, kinds(path)));
    writePath(marked, path, `@@${index + 1}@@`);
  });
  marked.uuid = '@@UUID@@';
  markTimes(marked);
  const text = literalSnippetText(railsJson(marked, { numberKindAt: kinds, indent: 2 }));
  return text.replace(MARK, (_match, mark: string) => {
    if (mark === 'UUID') return `"${variable('UUID')}"`;
    if (mark.startsWith('NOW:')) return `${variable('CURRENT_SECONDS_UNIX')}.${mark.slice(4)}`;
    const index = Number(mark);
    const isString = typeof readPath(envelope, TAB_STOPS[event][index - 1]) === 'string';
    return isString ? `"${tabStop(index, defaults[index - 1])}"` : tabStop(index, defaults[index - 1]);
  });
}

/**
 * Replaces each Unix time by a mark for the current second plus sub-second digits. The sample's
 * digits are dealt out in the order of the sample's times, so the times keep their order
 * (message created, then delivered, then the webhook queued) within the inserted second.
 */
function markTimes(root: unknown): void {
  const times: { parent: Record<string, unknown>; key: string; value: number }[] = [];
  const collect = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      if (TIME_KEYS.has(key) && typeof item === 'number') times.push({ parent: value as Record<string, unknown>, key, value: item });
      else collect(item);
    }
  };
  collect(root);
  const fractions = times.map((time) => String(time.value).split('.')[1] ?? '0').sort((a, b) => Number(`0.${a}`) - Number(`0.${b}`));
  [...times].sort((a, b) => a.value - b.value).forEach((time, index) => {
    time.parent[time.key] = `@@NOW:${fractions[index]}@@`;
  });
}

function readPath(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value);
}

function writePath(value: unknown, path: Path, replacement: unknown): void {
  const parent = readPath(value, path.slice(0, -1)) as Record<string, unknown>;
  parent[path[path.length - 1]] = replacement;
}
