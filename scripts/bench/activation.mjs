#!/usr/bin/env node
// How long VS Code says activating this extension takes, next to its built-in JSON language
// features measured in the same windows. Each run starts a fresh VS Code (the test harness's
// code-server, default 4.100.3) with the packaged .vsix installed, opens a plain JSON file (which
// activates vscode.json-language-features) and reads the figures VS Code itself shows in
// "Developer: Show Running Extensions": code loading + activate call, per extension.
//   node scripts/bench/activation.mjs [--runs N] [--vscode oldest|latest|<version>] [--vsix FILE]
// The last line is `activation: ours X ms, json-language-features Y ms, ratio R` (medians).
// Target: R ≤ 1.0. Set POSTAL_VSCODE_CACHE to reuse installed VS Code servers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkbench } from '../vscode/browser.mjs';
import {
  REPO, baseSettings, ensureCodeServer, isolatedEnv, makeStateDir, prepareWorkspace, resolveVersion, runServerCli,
  startServer, workbenchUrl,
} from '../vscode/codeServer.mjs';

const OURS_ID = 'postal-webhooks.postal-webhooks';
const ANCHOR_ID = 'vscode.json-language-features';
const ANCHOR_FOLDER = 'node_modules/code-server/lib/vscode/extensions/json-language-features';
const TARGET_RATIO = 1.0;
const JSON_FILE = 'settings-like.json';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    vscode: { type: 'string', default: 'oldest' },
    vsix: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

/** Builds the production bundle and packages it, so the measured code is the code users install. */
function packageExtension() {
  const vsix = join(REPO, '.bench', 'activation.vsix');
  mkdirSync(join(REPO, '.bench'), { recursive: true });
  const result = spawnSync(process.execPath, [join(REPO, 'scripts/package.mjs'), '--out', vsix], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`packaging failed:\n${result.stdout}${result.stderr}`);
  return vsix;
}

/** A workspace with nothing of ours in it: one ordinary JSON file. */
function emptyWorkspace(stateDir) {
  const source = join(stateDir, 'workspace-source');
  mkdirSync(source, { recursive: true });
  writeFileSync(join(source, JSON_FILE), `${JSON.stringify({ name: 'demo', editor: { tabSize: 2 }, files: ['a', 'b'] }, null, 2)}\n`);
  return prepareWorkspace(stateDir, source, baseSettings());
}

/** Opens a quick input (F1: commands, Control+P: files), types `text` and picks the row showing it. */
async function pick(page, shortcut, text) {
  await page.keyboard.press(shortcut);
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(text);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${text}"]`, { timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** The name Running Extensions shows for an extension: its manifest's display name, localized. */
function displayName(folder) {
  const { displayName: name } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const key = /^%(.+)%$/.exec(name)?.[1];
  return key ? JSON.parse(readFileSync(join(folder, 'package.nls.json'), 'utf8'))[key] : name;
}

/** The rows of the Running Extensions editor: display name and activation text. */
function readRunningExtensions(page) {
  return page.$$eval('.runtime-extensions-editor .extension', (rows) =>
    rows.map((row) => ({ name: row.querySelector('.name')?.textContent ?? '', time: row.querySelector('.activation-time')?.textContent ?? '' })),
  );
}

/** "Activation: 12ms" or "Startup Activation: 12ms" → 12; "Activating..." → undefined. */
function millisecondsIn(text) {
  const match = /([\d.]+)\s*ms/.exec(text);
  return match ? Number(match[1]) : undefined;
}

async function activationTimes(page, names) {
  const deadline = Date.now() + 90_000;
  let rows = [];
  while (Date.now() < deadline) {
    rows = await readRunningExtensions(page);
    const ours = millisecondsIn(rows.find((row) => row.name === names.ours)?.time ?? '');
    const anchor = millisecondsIn(rows.find((row) => row.name === names.anchor)?.time ?? '');
    if (ours !== undefined && anchor !== undefined) return { ours, anchor, rows };
    await page.waitForTimeout(250);
  }
  throw new Error(`the Running Extensions view never showed both ${names.ours} and ${names.anchor}: ${JSON.stringify(rows)}`);
}

/** What activated each extension, from the extension host's log (e.g. `onStartupFinished`). */
function activationEvents(stateDir) {
  const logs = join(stateDir, 'user-data', 'logs');
  const text = readdirSync(logs, { recursive: true })
    .filter((file) => String(file).endsWith('exthost.log'))
    .map((file) => readFileSync(join(logs, String(file)), 'utf8'))
    .join('\n');
  const eventOf = (id) => new RegExp(`_doActivateExtension ${id.replace('.', '\\.')}, startup: \\w+, activationEvent: '([^']+)'`).exec(text)?.[1] ?? '?';
  return { ours: eventOf(OURS_ID), anchor: eventOf(ANCHOR_ID) };
}

async function oneRun(version, vsix) {
  const installDir = ensureCodeServer(version);
  const stateDir = makeStateDir('pw-act-');
  const env = isolatedEnv(stateDir);
  let server;
  let workbench;
  try {
    runServerCli(installDir, stateDir, ['--install-extension', vsix, '--force'], env);
    const workspace = emptyWorkspace(stateDir);
    server = await startServer({ installDir, stateDir, env });
    workbench = await openWorkbench({ url: workbenchUrl(server.authority, { workspace }), env, viewport: { width: 1400, height: 2400 } });
    const { page } = workbench;
    await page.waitForSelector('.statusbar', { timeout: 90_000 });
    await pick(page, 'Control+P', JSON_FILE);
    await page.waitForSelector(`.tabs-container .tab[aria-label*="${JSON_FILE}"]`, { timeout: 30_000 });
    await pick(page, 'F1', 'Show Running Extensions');
    await page.waitForSelector('.runtime-extensions-editor', { timeout: 30_000 });
    const times = await activationTimes(page, { ours: displayName(REPO), anchor: displayName(join(installDir, ANCHOR_FOLDER)) });
    return { ...times, events: activationEvents(stateDir) };
  } finally {
    await workbench?.close();
    server?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const version = resolveVersion(values.vscode);
const runs = Number(values.runs);
const vsix = values.vsix ?? packageExtension();
console.log(`VS Code activation (code loading + activate call, as Running Extensions shows it), code-server ${version}, ${runs} runs, Node ${process.version}\n`);
const results = [];
for (let run = 1; run <= runs; run++) {
  const result = await oneRun(version, vsix);
  results.push(result);
  console.log(`run ${run}: ours ${result.ours} ms (${result.events.ours}), json-language-features ${result.anchor} ms (${result.events.anchor})`);
  if (values.verbose) console.log(result.rows.map((row) => `    ${row.name}: ${row.time}`).join('\n'));
}
const ours = median(results.map((result) => result.ours));
const anchor = median(results.map((result) => result.anchor));
const ratio = ours / anchor;
console.log(`\ntarget: ratio ≤ ${TARGET_RATIO.toFixed(1)} ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}`);
console.log(`activation: ours ${ours} ms, json-language-features ${anchor} ms, ratio ${ratio.toFixed(2)}`);
process.exit(ratio <= TARGET_RATIO ? 0 : 1);
