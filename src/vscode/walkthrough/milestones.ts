import * as vscode from 'vscode';

/**
 * Context keys the Getting Started walkthrough completes its steps on (`onContext:` completion
 * events). Each is set the first time the user really did the thing, not when a button was
 * pressed: the listener bound its port, a webhook arrived, a usable key is configured, a test
 * event got an answer, a payload file was linted.
 */
export const MILESTONE = {
  listening: 'postalWebhooks.walkthrough.listening',
  eventReceived: 'postalWebhooks.walkthrough.eventReceived',
  keyReady: 'postalWebhooks.walkthrough.keyReady',
  testEventAnswered: 'postalWebhooks.walkthrough.testEventAnswered',
  payloadLinted: 'postalWebhooks.walkthrough.payloadLinted',
} as const;

export type Milestone = (typeof MILESTONE)[keyof typeof MILESTONE];

/**
 * Flipped whenever an editor tab opens. VS Code's walkthrough service ticks a step only when a
 * completion context changes to true after it registered the walkthrough, which it does the
 * first time a Welcome or walkthrough page opens: a milestone reached before that would never
 * tick. So each step completes on its milestone together with this key, either way round
 * (`M && recheck`, `M && !recheck`): whichever was already true when the page registered is
 * spent, and the flip that follows the page's tab makes the other one true, a change it sees.
 */
export const RECHECK_KEY = 'postalWebhooks.walkthrough.recheck';

/** Where the milestones reached are kept (global state), so each window starts from them. */
export const MILESTONES_STATE_KEY = 'postalWebhooks.walkthrough.milestones';

const reached = new Set<Milestone>();
let memory: vscode.Memento | undefined;
let recheck = false;

/** Sets the milestones reached in earlier sessions (any window), and keeps new ones there too. */
export function restoreMilestones(state: vscode.Memento): void {
  memory = state;
  const known = new Set<string>(Object.values(MILESTONE));
  for (const milestone of state.get<unknown[]>(MILESTONES_STATE_KEY, [])) {
    if (typeof milestone === 'string' && known.has(milestone)) reachMilestone(milestone as Milestone);
  }
}

/** Marks a milestone (once per window; VS Code remembers completed steps itself) and keeps it. */
export function reachMilestone(milestone: Milestone): void {
  if (reached.has(milestone)) return;
  reached.add(milestone);
  void vscode.commands.executeCommand('setContext', milestone, true);
  void memory?.update(MILESTONES_STATE_KEY, [...reached]);
}

/** Flips {@link RECHECK_KEY}, so that a walkthrough page that just opened sees every milestone reached. */
export function recheckMilestones(): void {
  recheck = !recheck;
  void vscode.commands.executeCommand('setContext', RECHECK_KEY, recheck);
}

export function reachedMilestones(): Milestone[] {
  return [...reached];
}

/** Forgets every milestone, here and in global state, as in a new profile (integration tests start each check from here). */
export function forgetMilestones(): void {
  for (const milestone of Object.values(MILESTONE)) void vscode.commands.executeCommand('setContext', milestone, false);
  reached.clear();
  void memory?.update(MILESTONES_STATE_KEY, undefined);
}
