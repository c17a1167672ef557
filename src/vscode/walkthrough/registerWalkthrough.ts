import * as vscode from 'vscode';
import { type ListenerServices } from '../listener/registerListener';
import { MILESTONE, reachMilestone, recheckMilestones, restoreMilestones } from './milestones';

/**
 * Follows the listener for the walkthrough: listening, a Postal webhook received, a public key
 * the listener can verify with. (Test events and linting mark their own milestones.) Starts
 * from what was reached before and from the state things are in now: a key set before
 * VS Code started, a history holding webhooks, a listener started on its own.
 */
export function registerWalkthrough(context: vscode.ExtensionContext, listener: ListenerServices): void {
  const { controller, history } = listener;
  restoreMilestones(context.globalState);
  const checkListener = (): void => {
    if (controller.state === 'listening') reachMilestone(MILESTONE.listening);
    if (controller.effectiveSettings().key.status === 'ok') reachMilestone(MILESTONE.keyReady);
  };
  context.subscriptions.push(
    controller.onDidChangeState(checkListener),
    history.onDidChange((change) => {
      if (change.type === 'added' && change.record.kind === 'postal') reachMilestone(MILESTONE.eventReceived);
      if (change.type === 'reset' && history.store.list().some((entry) => entry.kind === 'postal')) reachMilestone(MILESTONE.eventReceived);
    }),
    vscode.window.tabGroups.onDidChangeTabs((change) => {
      if (change.opened.length > 0) recheckMilestones();
    }),
  );
  checkListener();
}
