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

exports.run = async () => {
  const stats = { passes: 0, failures: 0, pending: 0 };
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  await check('the installed extension is present', () => assert.ok(extension, `${EXTENSION_ID} is not installed`), stats);
  await check('it is the installed copy, not a development folder', () => {
    assert.match(extension.extensionPath, /extensions[\\/]postal-webhooks\.postal-webhooks-/);
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
