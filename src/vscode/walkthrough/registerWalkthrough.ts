import type * as vscode from 'vscode';
import { type ListenerServices } from '../listener/registerListener';
import { MILESTONE, reachMilestone } from './milestones';

/**
 * Follows the listener for the walkthrough: listening, a Postal webhook received, a public key
 * the listener can verify with. (Test events and linting mark their own milestones.)
 */
export function registerWalkthrough(context: vscode.ExtensionContext, listener: ListenerServices): void {
  const { controller, history } = listener;
  const checkListener = (): void => {
    if (controller.state === 'listening') reachMilestone(MILESTONE.listening);
    if (controller.effectiveSettings().key.status === 'ok') reachMilestone(MILESTONE.keyReady);
  };
  context.subscriptions.push(
    controller.onDidChangeState(checkListener),
    history.onDidChange((change) => {
      if (change.type === 'added' && change.record.kind === 'postal') reachMilestone(MILESTONE.eventReceived);
    }),
  );
  checkListener();
}
