import { keyFields } from './envelopeFields';
import { inboundFields } from './inboundRows';
import { type EventGroup, type ExplorerView } from './explorerModel';
import { type HistoryEntry } from '../store';
import { type RecordSummary } from './recordSummary';

/** Rows are shown this many at a time; a "Show more" row loads the next page. */
export const PAGE_SIZE = 200;

/** `index`: the group's position at the root, newest first. */
export type GroupNode = { readonly kind: 'group'; readonly id: string; readonly group: EventGroup; readonly index: number };
/** `record` is the summary's record, carried at the top so item commands (replay too) find it. */
export type RecordNode = { readonly kind: 'record'; readonly id: string; readonly summary: RecordSummary; readonly record: HistoryEntry; readonly parentId?: string };
export type FieldNode = { readonly kind: 'field'; readonly id: string; readonly name: string; readonly value: string; readonly parentId: string };
export type MoreNode = { readonly kind: 'more'; readonly id: string; readonly parentId?: string; readonly remaining: number };

/** An element of the Events tree. Ids are stable across refreshes, so selection and expansion survive. */
export type ExplorerNode = GroupNode | RecordNode | FieldNode | MoreNode;

/** How many rows of a parent (undefined: the root) are shown; grows a page per "Show more". */
export type PageLimits = (parentId: string | undefined) => number;

/** The root rows: groups, or (flat by time) the newest records. */
export function rootNodes(view: ExplorerView, limit: PageLimits): ExplorerNode[] {
  if (view.grouping === 'time') return page(view.records, limit(undefined), undefined, (summary) => recordNode(summary));
  return page(view.groups, limit(undefined), undefined, (group, index) => ({ kind: 'group', id: group.id, group, index }));
}

/** A message group lists its events oldest first (its timeline); other groups newest first. */
export function groupMembers(group: EventGroup): readonly RecordSummary[] {
  return group.grouping === 'message' ? [...group.newestFirst].reverse() : group.newestFirst;
}

export function childNodes(node: ExplorerNode, limit: PageLimits): ExplorerNode[] {
  if (node.kind === 'group') return page(groupMembers(node.group), limit(node.id), node.id, (summary) => recordNode(summary, node.id));
  if (node.kind === 'record') return fieldNodes(node);
  return [];
}

export function recordNode(summary: RecordSummary, parentId?: string): RecordNode {
  const id = parentId === undefined ? `record:${summary.record.id}` : `${parentId}/${summary.record.id}`;
  const node: RecordNode = { kind: 'record', id, summary, record: summary.record };
  return parentId === undefined ? node : { ...node, parentId };
}

/** The key fields of an event (or inbound e-mail) as rows (`to: alice@example.net`), from what its entry keeps. */
export function fieldNodes(node: RecordNode): FieldNode[] {
  const record = node.summary.record;
  const fields = record.inbound !== undefined ? inboundFields(record.inbound) : keyFields(record.event, record.kind === 'postal' ? record.facts : {});
  return fields.map((field) => ({
    kind: 'field',
    id: `${node.id}/${field.name}`,
    name: field.name,
    value: field.value,
    parentId: node.id,
  }));
}

/** The parent of a node, for `TreeView.reveal`. */
export function parentNode(view: ExplorerView, node: ExplorerNode): ExplorerNode | undefined {
  const parentId = node.kind === 'group' ? undefined : node.parentId;
  if (parentId === undefined) return undefined;
  const group = view.group(parentId);
  if (group !== undefined) return { kind: 'group', id: group.id, group, index: view.groups.indexOf(group) };
  if (node.kind !== 'field') return undefined;
  const recordId = parentId.slice(parentId.lastIndexOf('/') + 1).replace(/^record:/, '');
  const owner = view.records.find((summary) => summary.record.id === recordId);
  if (owner === undefined) return undefined;
  const groupId = parentId.includes('/') ? parentId.slice(0, parentId.lastIndexOf('/')) : undefined;
  return recordNode(owner, groupId);
}

/** The node of a record in the view (inside its group, unless flat). */
export function nodeForRecord(view: ExplorerView, recordId: string): RecordNode | undefined {
  if (view.grouping === 'time') {
    const summary = view.records.find((candidate) => candidate.record.id === recordId);
    return summary === undefined ? undefined : recordNode(summary);
  }
  const group = view.groupOf(recordId);
  const summary = group?.newestFirst.find((candidate) => candidate.record.id === recordId);
  return group === undefined || summary === undefined ? undefined : recordNode(summary, group.id);
}

function page<T>(items: readonly T[], limit: number, parentId: string | undefined, toNode: (item: T, index: number) => ExplorerNode): ExplorerNode[] {
  const shown = items.slice(0, limit).map((item, index) => toNode(item, index));
  if (items.length <= limit) return shown;
  const more: MoreNode = { kind: 'more', id: `${parentId ?? 'root'}/more`, remaining: items.length - limit };
  return [...shown, parentId === undefined ? more : { ...more, parentId }];
}
