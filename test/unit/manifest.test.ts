import * as assert from 'node:assert/strict';
import { COMMAND, VIEW } from '../../src/vscode/commandIds';
import { MANIFEST, NLS, RAW_MANIFEST } from './helpers/manifest';

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

const manifest = MANIFEST as unknown as Manifest;

/** Manifest fields VS Code shows to users, which must come from package.nls.json. */
const USER_FACING = new Set(['displayName', 'description', 'markdownDescription', 'title', 'category', 'name', 'contextualTitle', 'contents', 'label', 'patternErrorMessage', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage']);

/** Every [path, value] of a user-facing field in the raw manifest. */
function userFacingStrings(value: unknown, path: string[] = []): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => userFacingStrings(item, [...path, String(index)]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]): [string, unknown][] => {
    // The top-level `name` is the package id, not text.
    if (!USER_FACING.has(key) || (path.length === 0 && key === 'name')) return userFacingStrings(item, [...path, key]);
    const items = Array.isArray(item) ? item : [item];
    return items.map((text): [string, unknown] => [[...path, key].join('.'), text]);
  });
}

describe('package.json manifest', () => {
  it('contributes exactly the commands the code registers', () => {
    const contributed = manifest.contributes.commands.map((entry) => entry.command).sort();
    assert.deepEqual(contributed, Object.values(COMMAND).sort());
  });

  it('puts every command in the Postal category', () => {
    for (const entry of manifest.contributes.commands) assert.equal(entry.category, 'Postal', entry.command);
  });

  it('never activates with "*", which would load it before the window has started up', () => {
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
    assert.equal(manifest.main, './dist/extension.mjs');
    assert.equal(manifest.bin['postal-webhooks'], 'dist/cli.mjs');
  });

  it('takes every user-facing string from package.nls.json', () => {
    const literal = userFacingStrings(RAW_MANIFEST).filter(([, text]) => typeof text !== 'string' || !/^%[^%]+%$/.test(text));
    assert.deepEqual(literal, []);
  });

  it('uses every package.nls.json string, and each reference resolves', () => {
    const raw = JSON.stringify(RAW_MANIFEST);
    const referenced = new Set([...raw.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
    assert.deepEqual(Object.keys(NLS).filter((key) => !referenced.has(key)), []);
    assert.deepEqual([...referenced].filter((key) => !Object.hasOwn(NLS, key)), []);
  });
});
