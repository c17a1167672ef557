import { type ListenerServices } from './listener/registerListener';
import { localWebhookUrl } from './listener/webhookUrl';
import { type SendResults } from './inspector/sendResults';
import { type Lazy } from './lazy';
import { type EventsViewParts } from './tree/registerEventsView';
import { treeSnapshot } from './tree/treeSnapshot';
import { type PanelSnapshot } from './webview/webviewPanels';

/** The test probe's view of the explorer: tree rows, listener, status bar, view chrome and webview pages. */
export function explorerProbe(listener: ListenerServices, { view, inspector, timeline, mail }: EventsViewParts, answers: Lazy<SendResults>) {
  const snapshots = (ids: string[] | undefined, snapshot: (id: string) => PanelSnapshot | undefined): PanelSnapshot[] =>
    (ids ?? []).map(snapshot).filter((found): found is PanelSnapshot => found !== undefined);
  return {
    /** The webview panels open now: the HTML each was given and what its page reported. */
    webviews: () => ({
      inspector: snapshots(inspector.peek()?.openIds(), (id) => inspector.peek()?.snapshot(id)),
      timeline: snapshots(timeline.peek()?.openIds(), (id) => timeline.peek()?.snapshot(id)),
      mail: snapshots(mail.peek()?.openIds(), (id) => mail.peek()?.snapshot(id)),
      answers: answers.peek()?.snapshot() ?? null,
    }),
    treeSnapshot: async (depth?: number) => {
      await listener.ready;
      return treeSnapshot(view.provider, depth);
    },
    explorerState: async () => {
      await listener.ready;
      listener.statusBar.update();
      const status = listener.statusBar.current;
      return {
        listenerState: listener.controller.state,
        address: listener.controller.address ?? null,
        problem: listener.controller.problem?.message ?? null,
        localUrl: localWebhookUrl(listener.controller),
        key: listener.controller.settings.key.status,
        statusText: status?.statusText,
        statusTooltip: status?.tooltip,
        treeMessage: view.treeView.message ?? null,
        treeDescription: view.treeView.description ?? null,
        badge: view.treeView.badge?.value ?? null,
        treeVisible: view.treeView.visible,
        selection: view.treeView.selection.map((node) => node.id),
        grouping: view.provider.grouping,
        filter: view.provider.filter,
        historyPath: listener.history.path ?? null,
        historyCount: listener.history.store.size,
      };
    },
  };
}
