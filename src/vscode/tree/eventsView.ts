import * as vscode from 'vscode';
import { describeFilter, type EventFilter, type EventGroup, type ExplorerNode, type Grouping, groupMembers, GROUPINGS, isFilterActive, NO_FILTER } from '../../core/explorer';
import { CONTEXT_KEY, VIEW } from '../commandIds';
import { type ThreadOfRecord, type ThreadSource } from '../inspector/timelinePanel';
import { type RecordSource } from '../itemArgs';
import { type HistoryService } from '../listener/historyService';
import { type ListenerController } from '../listener/listenerController';
import { describeListener, refusedWords } from '../listener/listenerStatus';
import { EventsTreeProvider } from './eventsTreeProvider';

const GROUPING_STATE_KEY = 'postalWebhooks.events.grouping';
const TICK_MS = 60_000;

/**
 * The Events view: the tree, its title description (the filter), its message line (listener
 * state and key), the unseen-events badge while hidden, relative times refreshed every minute
 * while visible, and the context keys its menus and welcome content read.
 */
export class EventsView implements vscode.Disposable {
  readonly provider: EventsTreeProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  /** Records by id and the selected rows, for item commands (the view's own and replay's). */
  readonly records: RecordSource;
  /** Each message's events (grouped by message, unfiltered), whatever the view shows: for timelines. */
  readonly threads: ThreadSource = {
    ofRecord: (recordId) => threadFrom(this.byMessage().groupOf(recordId)),
    byId: (threadId) => threadFrom(this.byMessage().group(threadId)),
  };
  private readonly disposables: vscode.Disposable[] = [];
  private unseen = 0;
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    private readonly workspaceState: vscode.Memento,
    history: HistoryService,
    private readonly controller: ListenerController,
  ) {
    const stored = workspaceState.get<string>(GROUPING_STATE_KEY);
    const grouping: Grouping = stored !== undefined && Object.hasOwn(GROUPINGS, stored) ? (stored as Grouping) : 'type';
    this.provider = new EventsTreeProvider(history, { grouping });
    this.treeView = vscode.window.createTreeView(VIEW.events, { treeDataProvider: this.provider, showCollapseAll: true, canSelectMany: true });
    this.records = { get: (id) => history.store.get(id), read: (id) => history.store.read(id), selection: () => this.treeView.selection };
    this.disposables.push(
      this.provider,
      this.treeView,
      this.provider.onDidChangeView(() => this.updateChrome()),
      controller.onDidChangeState(() => this.updateChrome()),
      controller.onDidChangeRefusals(() => this.updateChrome()),
      history.onDidChange((change) => this.countUnseen(change.type === 'added')),
      this.treeView.onDidChangeVisibility(() => this.onVisibility()),
    );
    this.updateChrome();
    this.onVisibility();
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    this.provider.setGrouping(grouping);
    await this.workspaceState.update(GROUPING_STATE_KEY, grouping);
  }

  setFilter(filter: EventFilter): void {
    this.provider.setFilter(filter);
  }

  private byMessage() {
    return this.provider.model.view('message', NO_FILTER, Date.now());
  }

  dispose(): void {
    clearInterval(this.ticker);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private updateChrome(): void {
    const view = this.provider.view();
    const filter = this.provider.filter;
    const active = isFilterActive(filter);
    const matched = view.grouping === 'time' ? view.records.length : view.groups.reduce((sum, group) => sum + group.newestFirst.length, 0);
    const filterLine = `${describeFilter(filter)} (${matched} of ${view.total})`;
    // Refused requests are never rows: the title and the message line say how many (the log says why).
    const refused = refusedWords(this.controller.refusals);
    this.treeView.description = [active ? filterLine : '', refused].filter((part) => part !== '').join(' · ') || undefined;
    // A message hides the welcome content, so it is only shown above rows. A narrow side bar
    // cuts the description off, so an active filter is said there too; the status bar item
    // keeps showing the listener.
    this.treeView.message = matched === 0 ? undefined : active ? `Filtered: ${filterLine}${refused === '' ? '' : ` · ${refused}`}` : describeListener(this.controller).line;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.filterActive, active);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.grouping, view.grouping);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.hasEvents, view.total > 0);
  }

  private countUnseen(added: boolean): void {
    if (!added || this.treeView.visible) return;
    this.unseen++;
    this.treeView.badge = { value: this.unseen, tooltip: `${this.unseen} new webhook event${this.unseen === 1 ? '' : 's'}` };
  }

  private onVisibility(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    if (!this.treeView.visible) return;
    this.unseen = 0;
    this.treeView.badge = undefined;
    // Relative times ("3 min ago") age while the view is open.
    this.ticker = setInterval(() => this.provider.refreshNow(), TICK_MS);
    this.provider.refreshNow();
  }
}

/** A message group as a timeline; requests that belong to no message have none. */
function threadFrom(group: EventGroup | undefined): ThreadOfRecord | undefined {
  if (group?.thread === undefined || group.thread.kind === 'other') return undefined;
  return { id: group.id, thread: group.thread, oldestFirst: groupMembers(group).map((summary) => summary.record) };
}
