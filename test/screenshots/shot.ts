import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Marker the offline launcher (scripts/vscode/run.mjs) watches for in the extension host's output. */
const SHOT_MARKER = '[[postal-shot]] ';

export interface ShotOptions {
  /** Hover the first element showing this text before the shot (for tooltips). */
  hoverText?: string;
  /** Hover the first element matching this CSS selector before the shot. */
  hoverSelector?: string;
  /** Click the first element showing exactly this text before the shot (a walkthrough step). */
  clickText?: string;
  /** Scroll the webview page in view to the first element matching this CSS selector. */
  webviewScrollTo?: string;
}

/**
 * Asks the launcher, which drives the browser, for a PNG of the whole workbench named `name`
 * and waits until it is written. The theme is part of the name so light and dark runs coexist.
 */
export async function shot(name: string, options: ShotOptions = {}): Promise<void> {
  const doneFile = join(mkdtempSync(join(tmpdir(), 'shot-')), 'done');
  const theme = process.env.POSTAL_SHOT_THEME ?? 'dark';
  console.log(SHOT_MARKER + JSON.stringify({ name: `${name}-${theme}`, doneFile, ...options }));
  const deadline = Date.now() + 60_000;
  while (!existsSync(doneFile)) {
    if (Date.now() > deadline) throw new Error(`the launcher did not take screenshot ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
