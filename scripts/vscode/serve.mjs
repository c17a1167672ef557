// `npm start`'s VS Code: a normal web workbench (no test driver, so dialogs, prompts and
// confirmations work as for a user) with the extension installed from this repository, opened
// on a sample workspace that is kept between runs. `checkServe` proves it on a real one.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openWorkbench } from './browser.mjs';
import { REPO, baseSettings, ensureCodeServer, freePort, isolatedEnv, makeStateDir, startServer } from './codeServer.mjs';

/** Where `npm start` keeps its sample workspace (a copy of test/workspace, made once). */
export const PLAYGROUND = join(REPO, '.vscode-test', 'playground');

/**
 * Installs the extension by linking this repository into the server's extensions folder (what
 * VS Code finds there it installs), so no test driver is needed to load it; a window reload
 * picks up a rebuild.
 */
function linkExtension(stateDir) {
  const { publisher, name, version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const extensions = join(stateDir, 'extensions');
  mkdirSync(extensions, { recursive: true });
  symlinkSync(REPO, join(extensions, `${publisher}.${name}-${version}`), 'dir');
}

/** The sample workspace: copied from test/workspace (with `settings`) the first time, then the user's to change. */
function preparePlayground(workspace, stateDir, settings) {
  if (!existsSync(workspace)) {
    cpSync(join(REPO, 'test/workspace'), workspace, { recursive: true });
    const workspaceSettings = join(workspace, '.vscode', 'settings.json');
    const fixtureSettings = existsSync(workspaceSettings) ? JSON.parse(readFileSync(workspaceSettings, 'utf8')) : {};
    mkdirSync(dirname(workspaceSettings), { recursive: true });
    writeFileSync(workspaceSettings, JSON.stringify({ ...baseSettings(), ...fixtureSettings, ...settings }, null, 2));
  }
  // The web workbench keeps user settings in the browser: quiet defaults go to the machine's.
  const machineSettings = join(stateDir, 'server-data', 'data', 'Machine', 'settings.json');
  mkdirSync(dirname(machineSettings), { recursive: true });
  writeFileSync(machineSettings, JSON.stringify({ ...baseSettings(), ...settings }, null, 2));
}

/** Starts the server for `npm start`; resolves to it and the URL to open. */
export async function startServe({ version, host = '127.0.0.1', port, workspace = PLAYGROUND, settings = {} }) {
  const installDir = ensureCodeServer(version);
  const stateDir = makeStateDir('pw-serve-');
  const env = isolatedEnv(stateDir);
  preparePlayground(workspace, stateDir, settings);
  linkExtension(stateDir);
  const server = await startServer({ installDir, stateDir, env, host, port, smokeTestDriver: false });
  const url = `http://${server.authority}/?folder=${encodeURIComponent(workspace)}`;
  return { server, url, env, stateDir, workspace };
}

function postJson(url, body) {
  return new Promise((resolvePost, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolvePost(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs a command from the Command Palette, as a user would. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
}

/**
 * Starts `npm start`'s workbench on a scratch copy of the sample workspace and checks, in a real
 * browser, what a user does first: the extension is there, its listener starts and takes a
 * webhook, and a confirmation dialog (Clear All Events) is shown rather than refused.
 */
export async function checkServe({ version, say }) {
  const port = await freePort();
  const workspace = join(mkdtempSync(join(tmpdir(), 'pw-serve-check-')), 'workspace');
  const { server, url, env, stateDir } = await startServe({ version, port: await freePort(), workspace, settings: { 'postalWebhooks.listener.port': port } });
  let workbench;
  const failures = [];
  const check = async (what, action) => {
    try {
      await action();
      say(`ok: ${what}`);
    } catch (error) {
      failures.push(`${what}: ${error.message.split('\n')[0]}`);
      say(`FAILED: ${what}: ${error.message.split('\n')[0]}`);
    }
  };
  try {
    workbench = await openWorkbench({ url, env, onLog: () => undefined });
    const { page } = workbench;
    await check('the extension is installed and its view is in the activity bar', () => page.locator('.activitybar [aria-label^="Postal Webhooks"]').first().waitFor({ timeout: 60_000 }));
    await check('the listener starts from the Command Palette and takes a webhook', async () => {
      await runCommand(page, 'Postal: Start Listener');
      await page.locator(`.statusbar-item:has-text("Postal :${port}")`).first().waitFor({ timeout: 30_000 });
      const status = await postJson(`http://127.0.0.1:${port}/`, JSON.stringify({ event: 'MessageSent', timestamp: Date.now() / 1000, payload: {}, uuid: '00000000-0000-4000-8000-000000000001' }));
      if (status !== 200) throw new Error(`the listener answered ${status}`);
    });
    await check('a confirmation dialog is shown to the user (Clear All Events)', async () => {
      await runCommand(page, 'Postal: Clear All Events');
      await page.locator('.monaco-dialog-box:has-text("Delete all 1 event from the history?")').waitFor({ timeout: 15_000 });
      await page.keyboard.press('Escape');
    });
  } finally {
    await workbench?.close();
    server.stop();
    rmSync(dirname(workspace), { recursive: true, force: true });
    if (failures.length === 0) rmSync(stateDir, { recursive: true, force: true });
    else say(`logs kept in ${stateDir}`);
  }
  return failures.length === 0 ? 0 : 1;
}

