import { EVENT_CATALOG, isEventName } from '../events';
import { type RecordBasics } from '../store';

/** A codicon id and an optional theme colour id (VS Code's names, kept as plain strings here). */
export interface IconStyle {
  icon: string;
  color?: string;
}

/**
 * The colour of each event tells its outcome at a glance: green delivered, yellow delayed or
 * nearing a limit, red failed / bounced / over the limit, blue for recipient activity, orange
 * for DNS trouble. The icon is the catalog's, so pickers, snippets and the tree agree.
 */
const EVENT_COLORS: Record<string, string | undefined> = {
  MessageSent: 'testing.iconPassed',
  MessageDelayed: 'charts.yellow',
  MessageDeliveryFailed: 'testing.iconFailed',
  MessageHeld: 'charts.purple',
  MessageBounced: 'testing.iconFailed',
  MessageLinkClicked: 'charts.blue',
  MessageLoaded: 'charts.blue',
  DomainDNSError: 'charts.orange',
  SendLimitApproaching: 'charts.yellow',
  SendLimitExceeded: 'testing.iconFailed',
};

/** The icon of an event type (for groups and pickers); unknown names get a question mark. */
export function eventStyle(event: string): IconStyle {
  if (!isEventName(event)) return { icon: 'question', color: 'problemsWarningIcon.foreground' };
  const color = EVENT_COLORS[event];
  return color === undefined ? { icon: EVENT_CATALOG[event].codicon } : { icon: EVENT_CATALOG[event].codicon, color };
}

/** The icon of one received request: its event's, or what went wrong with it. */
export function recordStyle(record: RecordBasics): IconStyle {
  switch (record.kind) {
    case 'postal':
      return eventStyle(record.event ?? '');
    case 'invalid-json':
      return { icon: 'warning', color: 'problemsWarningIcon.foreground' };
    case 'too-large':
      return { icon: 'file-binary', color: 'problemsWarningIcon.foreground' };
    case 'rejected':
      return { icon: 'circle-slash', color: 'testing.iconFailed' };
    case 'inbound':
      return INBOUND_STYLE;
    default:
      return { icon: 'question' };
  }
}

/** The icon of inbound e-mail, its rows and its group. */
export const INBOUND_STYLE: IconStyle = { icon: 'mail' };

/** The icon of a group of non-Postal requests. */
export const OTHER_REQUESTS_STYLE: IconStyle = { icon: 'question' };

/** The one problem a row is marked with (badge and label colour), worst first. */
export type RecordProblem = 'signature-invalid' | 'schema-invalid' | 'unsigned';

export function recordProblem(record: RecordBasics): RecordProblem | undefined {
  if (record.signature.status === 'invalid') return 'signature-invalid';
  const fromPostal = record.kind === 'postal' || record.kind === 'inbound';
  if (fromPostal && record.schema?.valid === false) return 'schema-invalid';
  if (record.kind === 'invalid-json') return 'schema-invalid';
  if (fromPostal && record.signature.status === 'missing') return 'unsigned';
  return undefined;
}
