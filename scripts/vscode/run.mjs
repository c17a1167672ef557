#!/usr/bin/env node
// Runs the extension in a real VS Code (the server + web workbench from the `code-server` npm
// package, shown in headless Chromium), for machines that cannot download desktop VS Code.
//
//   node scripts/vscode/run.mjs test [--vscode oldest|latest|<code-server version>] [--tests FILE]
//   node scripts/vscode/run.mjs screenshot [--vscode ...] [--out DIR] [--theme dark|light|both]
//   node scripts/vscode/run.mjs vsix --vsix FILE [--vscode ...]
//   node scripts/vscode/run.mjs serve [--vscode ...] [--port N] [--host H]
//   node scripts/vscode/run.mjs serve-check [--vscode ...]
//
// `test` runs a mocha suite inside VS Code's extension host and exits with its result.
// `screenshot` runs a scenario suite that asks this driver for PNGs of the workbench.
// `vsix` installs a packaged .vsix and checks it activates, through a probe extension.
// `serve` keeps a workbench with the extension installed running and prints its URL (`npm start`);
// `serve-check` starts the same workbench and checks in Chromium that it works as a user's does.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkbench } from './browser.mjs';
import { checkServe, startServe } from './serve.mjs';
import {
  REPO, baseSettings, ensureCodeServer, freePort, isolatedEnv, makeStateDir, prepareWorkspace, resolveVersion,
  runServerCli, startServer, workbenchUrl,
} from './codeServer.mjs';

const SHOT_MARKER = '[[postal-shot]] ';
const TEXT_MARKER = '[[postal-text]] ';
const CLICK_MARKER = '[[postal-click]] ';
/** Workbench chatter (connection set-up, offline marketplace lookups) that hides test output. */
const NOISE = /^(Unable to resolve resource output:|Resolving connection|Resolved connection|Creating a socket|Updating additional|\[Service Worker\]|ChatSessionStore|getaddrinfo ENOTFOUND|\s+at |\[(AgentHost|ChatModelSelection|AccountPolicyGate)[\]:])/;
const started = Date.now();
const say = (...parts) => console.log(`[vscode +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...parts);

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    vscode: { type: 'string', default: 'oldest' },
    tests: { type: 'string' },
    workspace: { type: 'string', default: 'test/workspace' },
    out: { type: 'string', default: '.screenshots' },
    theme: { type: 'string', default: 'dark' },
    scenario: { type: 'string', default: 'out/test/screenshots/index.js' },
    vsix: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    timeout: { type: 'string', default: '600' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const mode = positionals[0] ?? 'test';

/** Starts a server + browser, runs an extension-host suite, and resolves to its exit code. */
async function runSuite({ version, extensionPath, testsPath, theme, env = {}, settings = {}, onShot, beforeStart }) {
  const installDir = ensureCodeServer(version);
  const stateDir = makeStateDir();
  const summaryFile = join(stateDir, 'summary.json');
  const followUpFile = join(stateDir, 'follow-up.json');
  const processEnv = isolatedEnv(stateDir, { POSTAL_WEBHOOKS_TEST: '1', POSTAL_TEST_SUMMARY: summaryFile, POSTAL_TEST_FOLLOW_UP: followUpFile, POSTAL_TEST_WORKBENCH_TEXT: '1', ...env });
  const workspace = prepareWorkspace(stateDir, resolve(REPO, values.workspace), { ...baseSettings(), ...settings });
  beforeStart?.(installDir, stateDir, processEnv);
  say(`VS Code ${vscodeVersionOf(version)} (code-server ${version}), state in ${stateDir}`);
  const server = await startServer({ installDir, stateDir, env: processEnv });
  let workbench;
  let timer;
  const timedOut = new Promise((resolveTimeout) => {
    timer = setTimeout(() => { say('HARD TIMEOUT: the extension host never reported a result'); resolveTimeout(124); }, Number(values.timeout) * 1000);
  });
  const finish = async (code) => {
    clearTimeout(timer);
    await workbench?.close();
    server.stop();
    if (!values.keep && code === 0) rmSync(stateDir, { recursive: true, force: true });
    else say(`logs kept in ${stateDir} (server.log, server-data/logs)`);
    return code;
  };
  try {
    const url = workbenchUrl(server.authority, { workspace, extensionPath, testsPath });
    workbench = await openWorkbench({
      url, env: processEnv, colorScheme: theme === 'light' ? 'light' : 'dark',
      onLog: (level, message) => {
        if (message.startsWith(SHOT_MARKER)) return void onShot?.(workbench.page, JSON.parse(message.slice(SHOT_MARKER.length)), stateDir);
        if (message.startsWith(TEXT_MARKER)) return void readTexts(workbench.page, JSON.parse(message.slice(TEXT_MARKER.length)));
        if (message.startsWith(CLICK_MARKER)) return void clickInWebview(workbench.page, JSON.parse(message.slice(CLICK_MARKER.length)));
        if (values.verbose || (level !== 'pageerror' && !NOISE.test(message))) console.log(message);
      },
    });
    say('workbench loaded; waiting for the extension host to finish');
    let code = await Promise.race([workbench.exitCode, timedOut]);
    if (code === 124) return finish(code);
    code = checkSummary(code, summaryFile);
    // A suite may ask for a follow-up suite in a fresh window of the same VS Code (same
    // workspace and storage, new extension host), e.g. to check what survives a restart.
    if (code === 0 && existsSync(followUpFile)) {
      const { tests, reason } = JSON.parse(readFileSync(followUpFile, 'utf8'));
      rmSync(followUpFile);
      rmSync(summaryFile, { force: true });
      say(`follow-up suite in a reloaded window (${reason ?? tests})`);
      code = await Promise.race([workbench.reload(workbenchUrl(server.authority, { workspace, extensionPath, testsPath: resolve(tests) })), timedOut]);
      if (code !== 124) code = checkSummary(code, summaryFile);
    }
    return finish(code);
  } catch (error) {
    say('ERROR', error?.stack ?? error);
    return finish(1);
  }
}

/** code-server 4.x.y ships VS Code 1.x.y. */
function vscodeVersionOf(codeServerVersion) {
  return codeServerVersion.replace(/^4\./, '1.');
}

/** Guards against a green exit code from a run in which no test actually ran. */
function checkSummary(code, summaryFile) {
  if (!existsSync(summaryFile)) {
    say(`exit code ${code}, but the suite wrote no summary: treating the run as failed`);
    return code || 1;
  }
  const stats = JSON.parse(readFileSync(summaryFile, 'utf8'));
  say(`inside VS Code: ${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending (exit code ${code})`);
  if (code === 0 && (stats.failures > 0 || stats.passes === 0)) return 1;
  return code;
}

/**
 * Answers a test that asks what the workbench shows: the text of every visible element matching
 * `selector`, written as JSON to `answerFile` (an empty list when there is none, or on error).
 */
async function readTexts(page, { selector, answerFile }) {
  let texts = [];
  try {
    texts = await page.locator(selector).filter({ visible: true }).allInnerTexts();
  } catch (error) {
    say(`reading ${selector} failed: ${error.message}`);
  }
  // Written whole, then renamed: the test polls for the file and must never read half of it.
  writeFileSync(`${answerFile}.part`, JSON.stringify(texts));
  renameSync(`${answerFile}.part`, answerFile);
}

/**
 * Clicks, as a user would, the first visible element matching `selector` inside a webview page
 * (the frames of the workbench), then answers `true` (clicked) or `false` (none found) in `answerFile`.
 */
async function clickInWebview(page, { selector, answerFile }) {
  let clicked = false;
  for (const frame of page.frames()) {
    // Pages of hidden panels stay loaded: only a frame shown all the way up is the one in view.
    if (!(await shownFrame(frame))) continue;
    const target = frame.locator(selector).filter({ visible: true }).first();
    if (await target.count().catch(() => 0) === 0) continue;
    try {
      await target.click({ timeout: 5000 });
      clicked = true;
      break;
    } catch (error) {
      say(`clicking ${selector} failed: ${error.message}`);
    }
  }
  writeFileSync(`${answerFile}.part`, JSON.stringify(clicked));
  renameSync(`${answerFile}.part`, answerFile);
}

/** Scrolls the webview page in view so that the element matching `selector` is at the top. */
async function scrollInWebview(page, selector) {
  for (const frame of page.frames()) {
    if (!(await shownFrame(frame))) continue;
    const target = frame.locator(selector).first();
    if (await target.count().catch(() => 0) === 0) continue;
    await target.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    return;
  }
  say(`nothing matches ${selector} in a webview in view`);
}

async function shownFrame(frame) {
  for (let current = frame; current.parentFrame() !== null; current = current.parentFrame()) {
    const element = await current.frameElement().catch(() => null);
    if (element === null || !(await element.isVisible())) return false;
  }
  return true;
}

/** Takes the PNG a screenshot scenario asked for, then tells the scenario it may go on. */
async function takeShot(page, request, stateDir) {
  const { name, hoverText, hoverSelector, webviewScrollTo, clickText, doneFile } = request;
  try {
    if (webviewScrollTo) await scrollInWebview(page, webviewScrollTo);
    if (clickText) {
      await page.getByText(clickText, { exact: true }).first().click({ timeout: 10_000 });
      await page.waitForTimeout(1000);
    }
    if (hoverSelector || hoverText) {
      const target = hoverSelector ? page.locator(hoverSelector).first() : page.getByText(hoverText, { exact: false }).first();
      await target.hover({ timeout: 10_000 });
      await page.waitForTimeout(1500);
    } else {
      await page.mouse.move(1100, 14); // an empty stretch of the title bar: no tooltip
    }
    await page.waitForTimeout(400);
    const outDir = resolve(REPO, values.out);
    mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: join(outDir, `${name}.png`) });
    say(`screenshot ${join(outDir, `${name}.png`)}`);
  } catch (error) {
    say(`screenshot ${name} failed: ${error.message}`);
  } finally {
    writeFileSync(doneFile ?? join(stateDir, `${name}.done`), 'done');
  }
}

async function serve() {
  const { server, url, stateDir, workspace } = await startServe({ version, host: values.host, port: values.port ? Number(values.port) : 8765 });
  console.log(`\nPostal Webhooks is running in VS Code ${vscodeVersionOf(version)} (web, from code-server ${version}). Open this URL in a browser:\n\n  ${url}\n`);
  console.log(`The sample workspace is ${workspace}: it is kept between runs (delete it to start afresh).`);
  console.log(`VS Code's own state (settings, history, logs) is in ${stateDir} for this run.\n\nPress Ctrl-C to stop.`);
  const stop = () => { server.stop(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {
    if (server.hasExited()) { console.error('The VS Code server stopped; see', join(stateDir, 'server.log')); process.exit(1); }
  }, 1000);
  return undefined;
}

const version = resolveVersion(values.vscode);
const modes = {
  test: () => runSuite({ version, extensionPath: REPO, testsPath: resolve(REPO, values.tests ?? 'out/test/integration/index.js'), theme: 'dark' }),
  async screenshot() {
    const themes = values.theme === 'both' ? ['dark', 'light'] : [values.theme];
    for (const theme of themes) {
      const code = await runSuite({ version, extensionPath: REPO, testsPath: resolve(REPO, values.scenario), theme, env: { POSTAL_SHOT_THEME: theme }, onShot: takeShot });
      if (code !== 0) return code;
    }
    return 0;
  },
  async vsix() {
    if (!values.vsix) throw new Error('vsix mode needs --vsix FILE (build one with npm run package)');
    const vsix = resolve(values.vsix);
    // The probe checks that VS Code starts the installed extension by itself and that it
    // starts the listener on this port because the workspace asks it to.
    const port = await freePort();
    return runSuite({ version, extensionPath: join(REPO, 'test/vsix-probe'), testsPath: join(REPO, 'test/vsix-probe/index.js'), theme: 'dark',
      env: { POSTAL_PROBE_LISTENER_PORT: String(port) },
      settings: { 'postalWebhooks.listener.autoStart': true, 'postalWebhooks.listener.port': port },
      beforeStart: (installDir, stateDir, env) => say(runServerCli(installDir, stateDir, ['--install-extension', vsix, '--force'], env).trim()) });
  },
  serve,
  'serve-check': () => checkServe({ version, say }),
};
if (!Object.hasOwn(modes, mode)) {
  console.error(`unknown mode '${mode}': use ${Object.keys(modes).join(', ')}`);
  process.exit(2);
}
const code = await modes[mode]();
if (code !== undefined) process.exit(code);
