import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Markers the offline launcher (scripts/vscode/run.mjs) watches for in the extension host's output. */
const TEXT_MARKER = '[[postal-text]] ';
const CLICK_MARKER = '[[postal-click]] ';

/**
 * True when the launcher drives the browser showing this workbench and can read its page (the
 * offline launcher can; the desktop one cannot, so checks of rendered text are skipped there).
 */
export const canReadWorkbench = process.env.POSTAL_TEST_WORKBENCH_TEXT === '1';

/**
 * Asks the launcher, which drives the browser, to do something with the page (`marker` says
 * what) and waits for its answer, which it writes to a file.
 */
async function askLauncher<T>(marker: string, what: string, request: Record<string, unknown>): Promise<T> {
  if (!canReadWorkbench) throw new Error('this launcher cannot drive the workbench page');
  const answerFile = join(mkdtempSync(join(tmpdir(), 'launcher-')), 'answer.json');
  console.log(marker + JSON.stringify({ ...request, answerFile }));
  const deadline = Date.now() + 30_000;
  while (!existsSync(answerFile)) {
    if (Date.now() > deadline) throw new Error(`the launcher did not ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return JSON.parse(readFileSync(answerFile, 'utf8')) as T;
}

/**
 * The text of every visible element of the workbench that matches `selector`, as the user sees
 * it: the launcher reads it from the real page.
 */
export function workbenchTexts(selector: string): Promise<string[]> {
  return askLauncher<string[]>(TEXT_MARKER, `read ${selector}`, { selector });
}

/**
 * Clicks the first visible element matching `selector` in the webview page in view, as the user
 * would; resolves to whether one was found.
 */
export function clickInWebview(selector: string): Promise<boolean> {
  return askLauncher<boolean>(CLICK_MARKER, `click ${selector}`, { selector });
}
