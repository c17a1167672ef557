import { EVENT_NAMES, type EventName } from '../../events';

/**
 * Names people reach for that Postal spells differently, by the normalised form (lower case,
 * no separators). Edit distance alone would not find them: "delivered" is far from "sent".
 */
const SYNONYMS: Record<string, EventName> = {
  messagedelivered: 'MessageSent',
  delivered: 'MessageSent',
  messagedelivery: 'MessageSent',
  messagesuccess: 'MessageSent',
  messageaccepted: 'MessageSent',
  messageopened: 'MessageLoaded',
  messageopen: 'MessageLoaded',
  messageread: 'MessageLoaded',
  opened: 'MessageLoaded',
  messageclicked: 'MessageLinkClicked',
  messageclick: 'MessageLinkClicked',
  linkclicked: 'MessageLinkClicked',
  clicked: 'MessageLinkClicked',
  messagefailed: 'MessageDeliveryFailed',
  messagehardfail: 'MessageDeliveryFailed',
  messagehardfailed: 'MessageDeliveryFailed',
  deliveryfailed: 'MessageDeliveryFailed',
  messagerejected: 'MessageDeliveryFailed',
  messagesoftfail: 'MessageDelayed',
  messagedeferred: 'MessageDelayed',
  messagedelay: 'MessageDelayed',
  messageretry: 'MessageDelayed',
  messagebounce: 'MessageBounced',
  bounced: 'MessageBounced',
  bounce: 'MessageBounced',
  messagehold: 'MessageHeld',
  messagequarantined: 'MessageHeld',
  dnserror: 'DomainDNSError',
  domaindnsfailed: 'DomainDNSError',
  sendlimitwarning: 'SendLimitApproaching',
  sendlimitnear: 'SendLimitApproaching',
  sendlimitreached: 'SendLimitExceeded',
  sendlimithit: 'SendLimitExceeded',
};

const BY_NORMALISED = new Map(EVENT_NAMES.map((event) => [normalise(event), event]));

/** `message_sent`, `Message-Sent`, `MESSAGE SENT` → `messagesent`. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Event names `name` was probably meant to be, best first: the same name spelled another way,
 * a known synonym, then names within a small edit distance.
 */
export function suggestEvents(name: string): EventName[] {
  const normalised = normalise(name);
  const suggestions: EventName[] = [];
  const add = (event: EventName | undefined) => {
    if (event && !suggestions.includes(event)) suggestions.push(event);
  };
  add(BY_NORMALISED.get(normalised));
  add(SYNONYMS[normalised]);
  if (normalised.length > 0) {
    const tolerance = Math.max(2, Math.floor(normalised.length / 4));
    EVENT_NAMES.map((event) => ({ event, distance: editDistance(normalised, normalise(event)) }))
      .filter((candidate) => candidate.distance <= tolerance)
      .sort((a, b) => a.distance - b.distance)
      .forEach((candidate) => add(candidate.event));
  }
  return suggestions.slice(0, 3);
}

/** Levenshtein distance; names are short, so the plain two-row version is plenty. */
export function editDistance(a: string, b: string): number {
  if (a.length > 100 || b.length > 100) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length];
}
