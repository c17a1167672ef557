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
 * Event names `name` was probably meant to be, best first. The same name spelled another way or
 * a known synonym is a confident answer and comes alone; otherwise names within a small edit
 * distance (typos) are offered.
 */
export function suggestEvents(name: string): EventName[] {
  const normalised = normalise(name);
  const confident = [BY_NORMALISED.get(normalised), SYNONYMS[normalised]].filter((event): event is EventName => event !== undefined);
  if (confident.length > 0) return [...new Set(confident)];
  if (normalised.length === 0) return [];
  const tolerance = Math.max(2, Math.floor(normalised.length / 4));
  return EVENT_NAMES.map((event) => ({ event, distance: editDistance(normalised, normalise(event)) }))
    .filter((candidate) => candidate.distance <= tolerance)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((candidate) => candidate.event);
}

/**
 * Edit distance counting an insertion, deletion, substitution or swap of two neighbouring
 * characters as one edit (`Snet` → `Sent` is one typo, not two).
 */
export function editDistance(a: string, b: string): number {
  if (a.length > 100 || b.length > 100) return Math.max(a.length, b.length);
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}
