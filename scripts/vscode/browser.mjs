// Opens the VS Code web workbench in Debian's headless Chromium through playwright-core
// (which downloads no browser of its own).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/** Flags that keep Chromium from reaching out to a network the machine does not have. */
const QUIET_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * Opens `url` and wires the workbench's automation hooks: extension-host console lines go to
 * `onLog`, and the result of an extension test run resolves `exitCode`.
 */
export async function openWorkbench({ url, env, onLog, viewport = { width: 1280, height: 800 }, colorScheme = 'dark' }) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_BIN).`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, env, args: QUIET_FLAGS });
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  let resolveExit;
  const exitCode = new Promise((resolve) => { resolveExit = resolve; });
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const message = Array.isArray(args) ? args.join(' ') : String(args);
    onLog?.(level, message);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  page.on('pageerror', (error) => onLog?.('pageerror', error.message));
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  return { browser, page, exitCode, close: () => browser.close().catch(() => undefined) };
}
