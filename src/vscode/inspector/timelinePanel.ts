import * as vscode from 'vscode';
import { type Thread } from '../../core/explorer';
import { missingRequestPage } from '../../core/inspector/requestPage';
import { TIMELINE_ACTION, timelinePage } from '../../core/inspector/timelinePage';
import { type HistoryEntry } from '../../core/store';
import { COMMAND } from '../commandIds';
import { type HistoryService } from '../listener/historyService';
import { type PanelContent, type PanelSnapshot, WebviewPanels } from '../webview/webviewPanels';

/** A record's message (or domain, or server) and its events, oldest first. */
export interface ThreadOfRecord {
  /** Stable per thread: the by-message group's id. */
  id: string;
  thread: Thread;
  oldestFirst: HistoryEntry[];
}

/** Where timelines come from: the Events model grouped by message, whatever the view shows. */
export interface ThreadSource {
  ofRecord(recordId: string): ThreadOfRecord | undefined;
  byId(threadId: string): ThreadOfRecord | undefined;
}

/** Redrawing waits this long after a change, so a burst of arrivals redraws once. */
const REDRAW_DELAY_MS = 250;

/**
 * "Show Message Timeline": one message's events in order, in a panel of its own, so the Events
 * view keeps its grouping. Redrawn as the message's events arrive; a row opens its request.
 */
export class TimelinePanel implements vscode.Disposable {
  private readonly panels: WebviewPanels;
  private readonly subscription: { dispose(): void };
  /** For each open panel, the record it was opened from (marked on the page). */
  private readonly focus = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    history: HistoryService,
    private readonly threads: ThreadSource,
    extensionUri: vscode.Uri,
  ) {
    this.panels = new WebviewPanels({
      viewType: 'postalWebhooks.timeline',
      extensionUri,
      actions: new Set<string>(Object.values(TIMELINE_ACTION)),
      onAction: ({ argument }) => (argument === undefined ? undefined : vscode.commands.executeCommand(COMMAND.openRequest, argument)),
      onClose: (key) => this.focus.delete(key),
    });
    this.subscription = history.onDidChange(() => this.scheduleRedraw());
  }

  /** Opens the timeline of a record's message; false when the record has none (not a Postal event, or gone). */
  open(recordId: string): boolean {
    const found = this.threads.ofRecord(recordId);
    if (found === undefined) return false;
    this.focus.set(found.id, recordId);
    this.panels.show(found.id, this.content(found, recordId));
    return true;
  }

  snapshot(threadId: string): PanelSnapshot | undefined {
    return this.panels.snapshot(threadId);
  }

  openIds(): string[] {
    return this.panels.keys();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.panels.dispose();
  }

  private content(found: ThreadOfRecord, focusId: string | undefined): PanelContent {
    return { title: `Timeline: ${found.thread.label}`, body: timelinePage(found.thread, found.oldestFirst, focusId) };
  }

  private scheduleRedraw(): void {
    if (this.panels.keys().length === 0) return;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.redraw();
    }, REDRAW_DELAY_MS);
  }

  /** Each open timeline again, with what its message has now. */
  private redraw(): void {
    for (const key of this.panels.keys()) {
      const found = this.threads.byId(key);
      if (found !== undefined) this.panels.update(key, this.content(found, this.focus.get(key)));
      else this.panels.update(key, { title: 'Timeline', body: missingRequestPage('None of this message\'s events are in the history any more.') });
    }
  }
}
