import { EVENT_CATALOG, isEventName } from '../events';
import { type SignatureStatus } from '../signature';
import { issueCount, type RecordBasics } from '../store';
import { type EventGroup } from './explorerModel';
import { type ExplorerNode, PAGE_SIZE, type RecordNode } from './explorerNodes';
import { fromTo, INBOUND_GROUP_LABEL, INBOUND_KEY, inboundRowParts } from './inboundRows';
import { eventStyle, type IconStyle, INBOUND_STYLE, OTHER_REQUESTS_STYLE, recordStyle } from './recordStyle';
import { OTHER_KEY } from './recordSummary';
import { escapeMarkdown } from './recordTooltip';
import { relativeTime } from './relativeTime';

/** Everything a tree row shows, as plain data; the VS Code adapter turns it into a `TreeItem`. */
export interface ItemSpec {
  id: string;
  label: string;
  description?: string;
  icon?: IconStyle;
  /** `;`-separated flags for menus' `viewItem =~ /flag/` clauses. */
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** Markdown; for records it is built on hover instead (see `recordTooltip`). */
  tooltip?: string;
  /** For a record row: its id, which the row opens when clicked and the decoration reads. */
  recordId?: string;
  /** For a "Show more" row: the parent whose page grows. */
  moreOf?: string | null;
}

/** Message timelines start expanded among the newest groups, so they are visible at once. */
const EXPANDED_MESSAGE_GROUPS = 10;

export function itemSpec(node: ExplorerNode, now: number): ItemSpec {
  switch (node.kind) {
    case 'group':
      return groupSpec(node.id, node.group, now, node.index);
    case 'record':
      return recordSpec(node, now);
    case 'field':
      return { id: node.id, label: node.name, description: node.value, contextValue: 'postalField', collapsible: 'none', tooltip: escapeMarkdown(node.value) };
    case 'more':
      return {
        id: node.id,
        label: `Show ${Math.min(PAGE_SIZE, node.remaining)} more…`,
        description: `${node.remaining.toLocaleString('en-US')} not shown`,
        icon: { icon: 'ellipsis' },
        contextValue: 'postalMore',
        collapsible: 'none',
        moreOf: node.parentId ?? null,
      };
  }
}

function groupSpec(id: string, group: EventGroup, now: number, index: number): ItemSpec {
  const count = group.newestFirst.length;
  if (group.grouping === 'type') {
    const other = group.key === OTHER_KEY;
    const inbound = group.key === INBOUND_KEY;
    return {
      id,
      label: other ? 'Other requests' : inbound ? INBOUND_GROUP_LABEL : group.key,
      description: `${count} · ${relativeTime(group.newestFirst[0].record.receivedAt, now)}`,
      icon: other ? OTHER_REQUESTS_STYLE : inbound ? INBOUND_STYLE : eventStyle(group.key),
      contextValue: 'postalGroup;byType',
      collapsible: 'collapsed',
      tooltip: typeTooltip(group.key),
    };
  }
  const thread = group.thread;
  const counted = `${count} event${count === 1 ? '' : 's'}`;
  return {
    id,
    label: thread?.label ?? group.key,
    // The rows give the times; the group says whose and how many.
    description: [thread?.detail, counted].filter((part) => part !== undefined).join(' · '),
    icon: threadIcon(thread?.kind),
    contextValue: `postalGroup;byMessage;${thread?.kind ?? 'other'}`,
    collapsible: thread?.kind === 'message' && index < EXPANDED_MESSAGE_GROUPS ? 'expanded' : 'collapsed',
  };
}

function typeTooltip(key: string): string {
  if (isEventName(key)) return `**${key}**: ${EVENT_CATALOG[key].summary}\n\n${EVENT_CATALOG[key].whenSent}`;
  if (key === OTHER_KEY) return 'Requests that are not Postal events: other JSON, bodies that are not JSON, refused requests.';
  if (key === INBOUND_KEY) return "**Inbound mail**: e-mail Postal received and posted to a route's HTTP endpoint (Hash or RawMessage, JSON or form data). Click one to read the mail.";
  return `**${escapeMarkdown(key)}** is not an event Postal sends: a typo in a test request, or not from Postal.`;
}

function threadIcon(kind: string | undefined): IconStyle {
  if (kind === 'message') return { icon: 'mail' };
  if (kind === 'domain') return { icon: 'globe', color: 'charts.orange' };
  if (kind === 'server') return { icon: 'server' };
  return OTHER_REQUESTS_STYLE;
}

/**
 * An event row. Under an event-type group the event name is the group's, so the row leads with
 * what it is about; under a message the recipient is the group's, so the row leads with the event.
 */
function recordSpec(node: RecordNode, now: number): ItemSpec {
  const { summary } = node;
  const record = summary.record;
  if (record.inbound !== undefined) return inboundSpec(node, record.inbound, now);
  const underType = node.parentId?.startsWith('group:type:') === true;
  const underMessage = node.parentId?.startsWith('group:message:') === true;
  const label = underType ? (summary.subject ?? summary.label) : summary.label;
  const about = underType ? undefined : underMessage ? messageRowDetail(summary.subject, summary.thread.detail, record) : summary.subject;
  const description = [about, relativeTime(record.receivedAt, now), ...recordMarks(record)].filter((part) => part !== undefined && part !== '').join(' · ');
  return {
    id: node.id,
    label,
    description,
    icon: recordStyle(record),
    contextValue: recordContextValue(record),
    collapsible: record.kind === 'postal' && record.parse.status === 'json' ? 'collapsed' : 'none',
    recordId: record.id,
  };
}

/**
 * An inbound e-mail row. In the Inbound mail group it reads `From → To` with the subject,
 * attachments and spam verdict after it; elsewhere it says what it is first.
 */
function inboundSpec(node: RecordNode, inbound: NonNullable<RecordBasics['inbound']>, now: number): ItemSpec {
  const record = node.summary.record;
  const underType = node.parentId?.startsWith('group:type:') === true;
  const underMessage = node.parentId?.startsWith('group:message:') === true;
  const about = underType ? inboundRowParts(inbound, true) : [fromTo(inbound), ...inboundRowParts(inbound, !underMessage)];
  const description = [...about, relativeTime(record.receivedAt, now), ...inboundMarks(record), ...recordMarks(record)].filter((part) => part !== '').join(' · ');
  return {
    id: node.id,
    label: underType ? fromTo(inbound) : INBOUND_GROUP_LABEL,
    description,
    icon: recordStyle(record),
    contextValue: recordContextValue(record),
    collapsible: 'collapsed',
    recordId: record.id,
  };
}

/** What {@link recordMarks} says of webhooks only: an unsigned request, a body unlike Postal's. */
function inboundMarks(record: RecordBasics): string[] {
  const marks: string[] = [];
  if (record.signature.status === 'missing') marks.push('⚠ unsigned');
  if (record.schema?.valid === false) marks.push(`✗ ${issueCount(record.schema)} schema issue${issueCount(record.schema) === 1 ? '' : 's'}`);
  return marks;
}

function messageRowDetail(subject: string | undefined, recipient: string | undefined, record: RecordBasics): string | undefined {
  if (record.event === 'MessageBounced') return 'bounce';
  return subject === recipient ? undefined : subject;
}

/**
 * How a row's signature reads. A valid one says nothing: it is what every row should be, so a
 * row without a mark is a checked one, and "not checked" never looks like it.
 */
const SIGNATURE_MARKS: Partial<Record<SignatureStatus, string>> = {
  'dev-key': '✓ dev key',
  invalid: '✗ bad signature',
  missing: '⚠ unsigned',
  'no-key': '○ not checked',
};

/** Short warnings after the time: a retry, a signature or schema problem, what Postal got. */
export function recordMarks(record: RecordBasics): string[] {
  const marks: string[] = [];
  if (record.duplicate) marks.push(`retry #${record.attempt}`);
  const signature = SIGNATURE_MARKS[record.signature.status];
  if (signature !== undefined && (record.kind === 'postal' || record.signature.status !== 'missing')) marks.push(signature);
  if (record.schema?.valid === false && record.kind === 'postal') marks.push(`✗ ${issueCount(record.schema)} schema issue${issueCount(record.schema) === 1 ? '' : 's'}`);
  if (record.parse.status === 'invalid-json') marks.push('✗ not JSON');
  if (record.response.status < 200 || record.response.status > 299) marks.push(`→ ${record.response.status}`);
  return marks;
}

/**
 * Menu flags of an event row: `postalRecord` always, then its kind, `sig-<status>`, `json`
 * when the body is a JSON object (copy / save / compare need it), `schemaInvalid`.
 */
export function recordContextValue(record: RecordBasics): string {
  const flags = ['postalRecord', record.kind, `sig-${record.signature.status}`];
  if (record.parse.status === 'json' && !record.body.truncated) flags.push('json');
  if (record.schema?.valid === false) flags.push('schemaInvalid');
  return flags.join(';');
}
