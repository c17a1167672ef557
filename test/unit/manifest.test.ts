import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';

interface Manifest {
  engines: { vscode: string };
  activationEvents: string[];
  main: string;
  bin: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    viewsWelcome: { view: string }[];
  };
  capabilities: { untrustedWorkspaces: { supported: string | boolean } };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as Manifest;

describe('package.json manifest', () => {
  it('contributes exactly the commands the code registers', () => {
    const contributed = manifest.contributes.commands.map((entry) => entry.command).sort();
    assert.deepEqual(contributed, Object.values(COMMAND).sort());
  });

  it('puts every command in the Postal category', () => {
    for (const entry of manifest.contributes.commands) assert.equal(entry.category, 'Postal', entry.command);
  });

  it('activates lazily, never on every start-up', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
  });

  it('has the Events view in its own activity-bar container, with a welcome text', () => {
    const container = manifest.contributes.viewsContainers.activitybar.find((entry) => entry.id === VIEW.container);
    assert.ok(container, 'activity-bar container missing');
    assert.ok(container.icon.endsWith('.svg'));
    assert.deepEqual(manifest.contributes.views[VIEW.container].map((view) => view.id), [VIEW.events]);
    assert.ok(manifest.contributes.viewsWelcome.some((entry) => entry.view === VIEW.events));
  });

  it('declares how it behaves in untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('points main and bin at the bundles esbuild writes', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.bin['postal-webhooks'], 'dist/cli.js');
  });
});
