import { type ListenerServices } from './listener/registerListener';
import { localWebhookUrl } from './listener/webhookUrl';
import { type EventsView } from './tree/eventsView';
import { treeSnapshot } from './tree/treeSnapshot';

/** The test probe's view of the explorer: tree rows, listener, status bar and view chrome. */
export function explorerProbe(listener: ListenerServices, view: EventsView) {
  return {
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
