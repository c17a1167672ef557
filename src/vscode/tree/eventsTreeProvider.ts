import * as vscode from 'vscode';
import {
  childNodes,
  type EventFilter,
  ExplorerModel,
  type ExplorerNode,
  type ExplorerView,
  type Grouping,
  itemSpec,
  NO_FILTER,
  PAGE_SIZE,
  parentNode,
  recordTooltip,
  RefreshScheduler,
  rootNodes,
} from '../../core/explorer';
import { type HistoryChange, type HistoryService } from '../listener/historyService';
import { markdown } from './markdown';
import { toTreeItem } from './treeItems';

/** How long a burst of arrivals is gathered into one refresh. */
export const REFRESH_DEBOUNCE_MS = 100;

/**
 * The data behind the Events view. It mirrors the history into an {@link ExplorerModel} as
 * changes arrive (cheap, synchronous) and tells VS Code to re-read the tree at most once per
 * {@link REFRESH_DEBOUNCE_MS}, so a burst of webhooks never floods the renderer.
 */
export class EventsTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly _onDidChangeTreeData = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly _onDidChangeView = new vscode.EventEmitter<void>();
  /** Fires after a refresh, with the grouping, filter or content changed. */
  readonly onDidChangeView = this._onDidChangeView.event;
  readonly model = new ExplorerModel();
  private readonly pages = new Map<string | null, number>();
  private readonly scheduler = new RefreshScheduler(REFRESH_DEBOUNCE_MS, () => this.fireRefresh());
  private current: { grouping: Grouping; filter: EventFilter };
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly history: HistoryService,
    initial: { grouping: Grouping; filter?: EventFilter },
  ) {
    this.current = { grouping: initial.grouping, filter: initial.filter ?? NO_FILTER };
    this.model.reset(history.store.list());
    this.subscription = history.onDidChange((change) => this.onHistoryChange(change));
  }

  get grouping(): Grouping {
    return this.current.grouping;
  }

  get filter(): EventFilter {
    return this.current.filter;
  }

  view(): ExplorerView {
    return this.model.view(this.current.grouping, this.current.filter, Date.now());
  }

  /** Feeds a history change to the model; the tree follows after the debounce. */
  private onHistoryChange(change: HistoryChange): void {
    if (change.type === 'reset') this.model.reset(this.history.store.list());
    else this.model.apply(change);
    this.scheduleRefresh();
  }

  setGrouping(grouping: Grouping): void {
    this.current = { ...this.current, grouping };
    this.pages.clear();
    this.refreshNow();
  }

  setFilter(filter: EventFilter): void {
    this.current = { ...this.current, filter };
    this.pages.clear();
    this.refreshNow();
  }

  /** Shows the next page of rows under `parentId` (null: the root). */
  showMore(parentId: string | null): void {
    this.pages.set(parentId, this.limit(parentId) + PAGE_SIZE);
    this.refreshNow();
  }

  scheduleRefresh(): void {
    this.scheduler.schedule();
  }

  refreshNow(): void {
    this.scheduler.flush();
  }

  private fireRefresh(): void {
    this._onDidChangeTreeData.fire(undefined);
    this._onDidChangeView.fire();
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] {
    const limit = (parentId: string | undefined): number => this.limit(parentId ?? null);
    return node === undefined ? rootNodes(this.view(), limit) : childNodes(node, limit);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return toTreeItem(itemSpec(node, Date.now()), node);
  }

  /** Tooltips are built on hover only: they parse the body, which refreshes should not. */
  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    if (node.kind === 'record') item.tooltip = markdown(recordTooltip(node.summary.record, Date.now()));
    return item;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return parentNode(this.view(), node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.scheduler.dispose();
    this._onDidChangeTreeData.dispose();
    this._onDidChangeView.dispose();
  }

  private limit(parentId: string | null): number {
    return this.pages.get(parentId) ?? PAGE_SIZE;
  }
}
