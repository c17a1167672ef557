import * as vscode from 'vscode';
import { VIEW } from '../../src/vscode/commandIds';
import { pause, shot } from './shot';

/** Each scenario leaves the workbench as a user would see it and takes its shots. */
export const SCENARIOS: Record<string, () => Promise<void>> = {
  async 'events-welcome'() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(`workbench.view.extension.${VIEW.container}`);
    await pause(1500);
    await shot('events-welcome');
  },
};
