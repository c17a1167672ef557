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
 * `onLog`, and the result of an extension test run resolves `exitCode`. `reload(url)` opens
 * another workbench URL in the same page (a new window, so a new extension host) and resolves
 * with the exit code of the test run that window reports.
 */
export async function openWorkbench({ url, env, onLog, viewport = { width: 1280, height: 800 }, colorScheme = 'dark' }) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_BIN).`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, env, args: QUIET_FLAGS });
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  let resolveExit;
  const nextExit = () => new Promise((resolve) => { resolveExit = resolve; });
  const exitCode = nextExit();
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const message = Array.isArray(args) ? args.join(' ') : String(args);
    onLog?.(level, message);
  });
  // Exposed functions survive navigations, so a reloaded window reports through the same hooks.
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  page.on('pageerror', (error) => onLog?.('pageerror', error.message));
  const open = async (target) => {
    await page.goto(target);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  };
  await open(url);
  const reload = async (target) => {
    const exited = nextExit();
    await open(target);
    return exited;
  };
  return { browser, page, exitCode, reload, close: () => browser.close().catch(() => undefined) };
}
