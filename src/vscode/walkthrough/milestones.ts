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

const reached = new Set<Milestone>();

/** Marks a milestone once per window; VS Code remembers completed steps itself. */
export function reachMilestone(milestone: Milestone): void {
  if (reached.has(milestone)) return;
  reached.add(milestone);
  void vscode.commands.executeCommand('setContext', milestone, true);
}

export function reachedMilestones(): Milestone[] {
  return [...reached];
}

/** Forgets every milestone, as in a new window (integration tests start each check from here). */
export function forgetMilestones(): void {
  for (const milestone of Object.values(MILESTONE)) void vscode.commands.executeCommand('setContext', milestone, false);
  reached.clear();
}
