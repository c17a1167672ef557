import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Marker the offline launcher (scripts/vscode/run.mjs) watches for in the extension host's output. */
const TEXT_MARKER = '[[postal-text]] ';

/**
 * True when the launcher drives the browser showing this workbench and can read its page (the
 * offline launcher can; the desktop one cannot, so checks of rendered text are skipped there).
 */
export const canReadWorkbench = process.env.POSTAL_TEST_WORKBENCH_TEXT === '1';

/**
 * The text of every visible element of the workbench that matches `selector`, as the user sees
 * it: the launcher reads it from the real page and answers through a file.
 */
export async function workbenchTexts(selector: string): Promise<string[]> {
  if (!canReadWorkbench) throw new Error('this launcher cannot read the workbench page');
  const answerFile = join(mkdtempSync(join(tmpdir(), 'text-')), 'answer.json');
  console.log(TEXT_MARKER + JSON.stringify({ selector, answerFile }));
  const deadline = Date.now() + 30_000;
  while (!existsSync(answerFile)) {
    if (Date.now() > deadline) throw new Error(`the launcher did not read ${selector}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return JSON.parse(readFileSync(answerFile, 'utf8')) as string[];
}

const CLICK_MARKER = '[[postal-click]] ';

/**
 * Clicks the first visible element matching `selector` in a webview page, as the user would;
 * resolves to whether one was found. The launcher drives the browser and answers through a file.
 */
export async function clickInWebview(selector: string): Promise<boolean> {
  if (!canReadWorkbench) throw new Error('this launcher cannot drive the workbench page');
  const answerFile = join(mkdtempSync(join(tmpdir(), 'click-')), 'answer.json');
  console.log(CLICK_MARKER + JSON.stringify({ selector, answerFile }));
  const deadline = Date.now() + 30_000;
  while (!existsSync(answerFile)) {
    if (Date.now() > deadline) throw new Error(`the launcher did not click ${selector}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return JSON.parse(readFileSync(answerFile, 'utf8')) as boolean;
}
