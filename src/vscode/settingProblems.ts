import * as vscode from 'vscode';
import { type Logger } from '../core/logger';
import { type SettingProblem } from './settingsReader';

const OPEN_SETTINGS = 'Open Settings';

/**
 * Tells the user about settings that cannot be used: each problem is logged, and shown once
 * per window as a warning whose "Open Settings" goes to the setting. Settings are read again on
 * every change and use, so a problem already shown is not shown again.
 */
export class SettingProblemReporter {
  private readonly shown = new Set<string>();

  constructor(private readonly log: Logger) {}

  report(problems: readonly SettingProblem[]): void {
    for (const problem of problems) {
      if (this.shown.has(problem.message)) continue;
      this.shown.add(problem.message);
      this.log.warn(problem.message);
      void this.show(problem);
    }
  }

  /** Not awaited by callers: the warning stays until the user acts on it. */
  private async show(problem: SettingProblem): Promise<void> {
    try {
      const choice = await vscode.window.showWarningMessage(`Postal: ${problem.message}`, OPEN_SETTINGS);
      if (choice === OPEN_SETTINGS) await vscode.commands.executeCommand('workbench.action.openSettings', problem.setting);
    } catch (error) {
      this.log.error(`showing a settings problem failed: ${String(error)}`);
    }
  }
}
