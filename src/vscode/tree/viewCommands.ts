import * as vscode from 'vscode';
import { EVENT_CATALOG, EVENT_NAMES } from '../../core/events';
import { type EventFilter, type Grouping, GROUPINGS, INBOUND_KEY, NO_FILTER, OTHER_KEY, SIGNATURE_FILTER_LABELS, TIME_WINDOWS, type TimeWindow } from '../../core/explorer';
import { type Logger } from '../../core/logger';
import { type SignatureStatus } from '../../core/signature';
import { COMMAND } from '../commandIds';
import { registerGuarded } from '../guarded';
import { type HistoryService } from '../listener/historyService';
import { type EventsView } from './eventsView';

interface Pick<T> extends vscode.QuickPickItem {
  value: T;
}

const CHECK = '$(check) ';
const NO_CHECK = '$(blank) ';

async function pickGrouping(view: EventsView): Promise<Grouping | undefined> {
  const current = view.provider.grouping;
  const items: Pick<Grouping>[] = (Object.keys(GROUPINGS) as Grouping[]).map((grouping) => ({
    value: grouping,
    label: `${grouping === current ? CHECK : NO_CHECK}${GROUPINGS[grouping].label}`,
    detail: GROUPINGS[grouping].detail,
  }));
  const pick = await vscode.window.showQuickPick(items, { title: 'Group Events By', placeHolder: `Now: ${GROUPINGS[current].label}` });
  return pick?.value;
}

/** Multi-select with the current values ticked. */
async function pickMany<T>(title: string, items: Pick<T>[], current: readonly T[]): Promise<T[] | undefined> {
  const picker = await vscode.window.showQuickPick(
    items.map((item) => ({ ...item, picked: current.includes(item.value) })),
    { title, canPickMany: true, placeHolder: 'Tick what to show; none ticked shows everything' },
  );
  return picker?.map((item) => item.value);
}

function eventItems(): Pick<string>[] {
  return [
    ...EVENT_NAMES.map((event) => ({ value: event as string, label: `$(${EVENT_CATALOG[event].codicon}) ${event}`, description: EVENT_CATALOG[event].summary })),
    { value: INBOUND_KEY, label: '$(mail) Inbound mail', description: "E-mail Postal posted to a route's HTTP endpoint" },
    { value: OTHER_KEY, label: '$(question) Other requests', description: 'Anything that is not a Postal event' },
  ];
}

function signatureItems(): Pick<SignatureStatus>[] {
  return (Object.keys(SIGNATURE_FILTER_LABELS) as SignatureStatus[]).map((status) => ({
    value: status,
    label: SIGNATURE_FILTER_LABELS[status].label,
    description: SIGNATURE_FILTER_LABELS[status].detail,
  }));
}

/** The filter menu: one entry per dimension, showing its current value, then the picker for it. */
async function editFilter(view: EventsView): Promise<EventFilter | undefined> {
  const filter = view.provider.filter;
  const summary = (values: readonly string[]): string => (values.length === 0 ? 'any' : values.join(', '));
  type Dimension = 'events' | 'text' | 'signature' | 'window' | 'clear';
  const dimensions: Pick<Dimension>[] = [
    { value: 'events', label: '$(symbol-event) Event types…', description: summary(filter.events.map((event) => (event === OTHER_KEY ? 'other requests' : event === INBOUND_KEY ? 'inbound mail' : event))) },
    { value: 'text', label: '$(search) Text…', description: filter.text === '' ? 'any' : `“${filter.text}”`, detail: 'Event, recipient, subject, URL, domain or uuid' },
    { value: 'signature', label: '$(key) Signature…', description: summary(filter.signature.map((status) => SIGNATURE_FILTER_LABELS[status].short)) },
    { value: 'window', label: '$(history) Time window…', description: TIME_WINDOWS[filter.window].label },
    { value: 'clear', label: '$(clear-all) Clear Filter' },
  ];
  const dimension = await vscode.window.showQuickPick(dimensions, { title: 'Filter Events' });
  switch (dimension?.value) {
    case undefined:
      return undefined;
    case 'clear':
      return NO_FILTER;
    case 'events': {
      const events = await pickMany('Show these event types', eventItems(), filter.events);
      return events === undefined ? undefined : { ...filter, events };
    }
    case 'signature': {
      const signature = await pickMany('Show events whose signature is', signatureItems(), filter.signature);
      return signature === undefined ? undefined : { ...filter, signature };
    }
    case 'text': {
      const text = await vscode.window.showInputBox({ title: 'Filter events by text', prompt: 'Matches event, recipient, subject, URL, domain and uuid; empty shows all', value: filter.text });
      return text === undefined ? undefined : { ...filter, text: text.trim() };
    }
    case 'window': {
      const items: Pick<TimeWindow>[] = (Object.keys(TIME_WINDOWS) as TimeWindow[]).map((window) => ({
        value: window,
        label: `${window === filter.window ? CHECK : NO_CHECK}${TIME_WINDOWS[window].label}`,
      }));
      const window = await vscode.window.showQuickPick(items, { title: 'Show events received in' });
      return window === undefined ? undefined : { ...filter, window: window.value };
    }
  }
}

async function clearHistory(history: HistoryService): Promise<boolean> {
  const count = history.store.size;
  if (count === 0) return false;
  const clear = 'Delete All';
  const choice = await vscode.window.showWarningMessage(
    `Delete all ${count} event${count === 1 ? '' : 's'} from the history?`,
    { modal: true, detail: 'They are removed from the Postal Webhooks view and from the history file. This cannot be undone.' },
    clear,
  );
  if (choice !== clear) return false;
  await history.store.clear();
  return true;
}

/** A filter from a loosely typed argument; unknown values are dropped. */
export function filterFrom(given: Partial<EventFilter>): EventFilter {
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  return {
    events: strings(given.events),
    text: typeof given.text === 'string' ? given.text.trim() : '',
    signature: strings(given.signature).filter((status): status is SignatureStatus => Object.hasOwn(SIGNATURE_FILTER_LABELS, status)),
    window: typeof given.window === 'string' && Object.hasOwn(TIME_WINDOWS, given.window) ? given.window : 'all',
  };
}

/** Title-bar commands of the Events view: group, filter, clear, and the "Show more" rows. */
export function registerViewCommands(view: EventsView, history: HistoryService, log: Logger): vscode.Disposable[] {
  return [
    registerGuarded(COMMAND.groupBy, 'Group By', log, async (grouping?: Grouping) => {
      const chosen = grouping !== undefined && Object.hasOwn(GROUPINGS, grouping) ? grouping : await pickGrouping(view);
      if (chosen !== undefined) await view.setGrouping(chosen);
    }),
    // With an argument (a keybinding, another extension, a test) the filter is set without asking.
    registerGuarded(COMMAND.filterEvents, 'Filter Events', log, async (given?: Partial<EventFilter>) => {
      const filter = given === undefined ? await editFilter(view) : filterFrom(given);
      if (filter !== undefined) view.setFilter(filter);
      return view.provider.filter;
    }),
    registerGuarded(COMMAND.clearFilter, 'Clear Filter', log, () => view.setFilter(NO_FILTER)),
    registerGuarded(COMMAND.clearHistory, 'Clear Events', log, () => clearHistory(history)),
    registerGuarded(COMMAND.showMore, 'Show More', log, (parentId: string | null) => view.provider.showMore(parentId ?? null)),
  ];
}
