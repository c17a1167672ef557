// Screenshot scenarios, run inside VS Code's extension host by `npm run screenshot`: each
// scenario sets the workbench up through commands and asks the launcher for PNGs.
// POSTAL_SHOT_FILTER=substring runs only the scenarios whose name contains it.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { SCENARIOS } from './scenarios';
import { pause } from './shot';

const THEMES: Record<string, string> = { dark: 'Default Dark Modern', light: 'Default Light Modern' };

/** The web workbench keeps user settings in the browser, so the theme is set from here. */
async function applyTheme(name: string): Promise<void> {
  const theme = THEMES[name] ?? name;
  const changed = new Promise<void>((resolve) => {
    const subscription = vscode.window.onDidChangeActiveColorTheme(() => { subscription.dispose(); resolve(); });
  });
  if (vscode.workspace.getConfiguration('workbench').get('colorTheme') === theme) return;
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  await Promise.race([changed, pause(5000)]);
}

export async function run(): Promise<void> {
  const filter = process.env.POSTAL_SHOT_FILTER ?? '';
  const stats = { passes: 0, failures: 0, pending: 0 };
  await applyTheme(process.env.POSTAL_SHOT_THEME ?? 'dark');
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    if (!name.includes(filter)) continue;
    try {
      await scenario();
      stats.passes++;
    } catch (error) {
      stats.failures++;
      console.error(`screenshot scenario ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  if (process.env.POSTAL_TEST_SUMMARY) writeFileSync(process.env.POSTAL_TEST_SUMMARY, JSON.stringify(stats));
  if (stats.failures > 0) throw new Error(`${stats.failures} screenshot scenario(s) failed`);
}
