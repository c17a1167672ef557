import * as assert from 'node:assert/strict';
import { COMMAND } from '../../../src/vscode/commandIds';
import { REPLAY_RESTRICTED_SETTINGS, REPLAY_SETTING } from '../../../src/vscode/replay/replaySettings';
import { MANIFEST, settingsOf } from '../helpers/manifest';

interface Manifest {
  contributes: {
    menus: Record<string, { command: string; when?: string; group?: string }[]>;
    commands: { command: string; icon?: string }[];
  };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
}

const manifest = MANIFEST as unknown as Manifest;
const settings = settingsOf(MANIFEST);
const REPLAY_COMMANDS = Object.entries(COMMAND).filter(([key]) => key !== 'showLog').map(([, id]) => id);

describe('package.json replay contributions', () => {
  it('declares exactly the replay settings the code reads, each with a markdown description', () => {
    const declared = Object.keys(settings).filter((key) => key.startsWith(`${REPLAY_SETTING.section}.`)).sort();
    const read = Object.entries(REPLAY_SETTING).filter(([key]) => key !== 'section').map(([, name]) => `${REPLAY_SETTING.section}.${name}`).sort();
    assert.deepEqual(declared, read);
    for (const key of declared) assert.ok(settings[key].markdownDescription, key);
  });

  it('restricts the send target in untrusted workspaces', () => {
    for (const key of REPLAY_RESTRICTED_SETTINGS) assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), key);
  });

  it('gives every replay command an icon and every menu entry an explicit group', () => {
    for (const entry of manifest.contributes.commands.filter((command) => (REPLAY_COMMANDS as string[]).includes(command.command))) {
      assert.match(entry.icon ?? '', /^\$\([a-z-]+\)$/, entry.command);
    }
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      if (menu === 'commandPalette') continue;
      for (const entry of entries.filter((item) => (REPLAY_COMMANDS as string[]).includes(item.command))) assert.ok(entry.group, `${menu}: ${entry.command}`);
    }
  });
});
