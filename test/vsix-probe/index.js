// Runs inside VS Code after the .vsix was installed with --install-extension: the installed
// extension (not a development copy) must be present, activate and run its commands.
const assert = require('node:assert/strict');
const { writeFileSync } = require('node:fs');
const vscode = require('vscode');

const EXTENSION_ID = 'postal-webhooks.postal-webhooks';

async function check(name, body, stats) {
  try {
    await body();
    stats.passes++;
    console.log(`  ✔ ${name}`);
  } catch (error) {
    stats.failures++;
    console.log(`  ✘ ${name}: ${error && error.stack ? error.stack : error}`);
  }
}

/** Polls `probe` until it returns something truthy (sync or async), for up to 60 s. */
async function waitFor(what, probe) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

exports.run = async () => {
  const stats = { passes: 0, failures: 0, pending: 0 };
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  await check('the installed extension is present', () => assert.ok(extension, `${EXTENSION_ID} is not installed`), stats);
  await check('it is the installed copy, not a development folder', () => {
    assert.match(extension.extensionPath, /extensions[\\/]postal-webhooks\.postal-webhooks-/);
  }, stats);
  await check('VS Code starts it by itself, and it starts the listener when postalWebhooks.listener.autoStart is on', async () => {
    // Nothing here activates the extension: it must have been activated at start-up.
    const port = Number(process.env.POSTAL_PROBE_LISTENER_PORT);
    assert.ok(port > 0, 'POSTAL_PROBE_LISTENER_PORT is not set: run through scripts/vscode/run.mjs vsix');
    await waitFor('the extension to be active', () => extension.isActive);
    const answer = await waitFor(`the listener to answer on port ${port}`, () => fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }).catch(() => undefined));
    assert.ok(answer.status >= 200 && answer.status < 600, `answered ${answer.status}`);
  }, stats);
  await check('it activates', async () => {
    await extension.activate();
    assert.equal(extension.isActive, true);
  }, stats);
  await check('its commands run', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const { command } of extension.packageJSON.contributes.commands) assert.ok(commands.includes(command), `${command} not registered`);
    await vscode.commands.executeCommand('postalWebhooks.showLog');
  }, stats);
  if (process.env.POSTAL_TEST_SUMMARY) writeFileSync(process.env.POSTAL_TEST_SUMMARY, JSON.stringify(stats));
  console.log(`  ${stats.passes} passing, ${stats.failures} failing`);
  if (stats.failures > 0) throw new Error(`${stats.failures} check(s) failed`);
};
