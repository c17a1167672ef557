import * as vscode from 'vscode';
import { TEST_COMMAND } from './commandIds';
import { forgetMilestones, MILESTONES_STATE_KEY, reachedMilestones } from './walkthrough/milestones';

/** The environment flag our integration-test launchers set on the extension host. */
export const TEST_MODE_ENV = 'POSTAL_WEBHOOKS_TEST';

export interface TestProbe {
  /** What the extension has set up, for tests to assert through a command. */
  state(): Record<string, unknown>;
  /** The Events tree as rendered, `depth` levels deep (see `treeSnapshot`). */
  treeSnapshot(depth?: number): Promise<unknown>;
  /** The listener, status bar and view chrome as the user sees them. */
  explorerState(): Promise<Record<string, unknown>>;
  /** The webview panels open now, with their HTML and what their pages reported. */
  webviews(): unknown;
}

/**
 * Registers commands that only integration tests call, to observe the extension from the
 * outside the way a user would see it. Nothing is registered in normal use.
 */
export function registerTestCommands(context: vscode.ExtensionContext, probe: TestProbe): void {
  if (process.env[TEST_MODE_ENV] !== '1') return;
  context.subscriptions.push(
    vscode.commands.registerCommand(TEST_COMMAND.state, () => probe.state()),
    vscode.commands.registerCommand(TEST_COMMAND.treeSnapshot, (depth?: number) => probe.treeSnapshot(depth)),
    vscode.commands.registerCommand(TEST_COMMAND.explorerState, () => probe.explorerState()),
    vscode.commands.registerCommand(TEST_COMMAND.webviews, () => probe.webviews()),
    // Walkthrough milestones reached so far; `{ forget: true }` starts over first; `{ stored: true }` those in global state.
    vscode.commands.registerCommand(TEST_COMMAND.milestones, (options?: { forget?: boolean; stored?: boolean }) => {
      if (options?.forget === true) forgetMilestones();
      return options?.stored === true ? context.globalState.get<string[]>(MILESTONES_STATE_KEY, []) : reachedMilestones();
    }),
  );
}
