import * as assert from 'node:assert/strict';
import { readReplaySettings, REPLAY_LIMITS, REPLAY_SETTING, type ReplaySettingKey } from '../../../src/vscode/replay/replaySettings';
import { MANIFEST, settingsOf } from '../helpers/manifest';

const properties = settingsOf(MANIFEST) as Record<string, { default?: unknown; minimum?: number; maximum?: number }>;
const id = (key: ReplaySettingKey): string => `${REPLAY_SETTING.section}.${key}`;
const read = (values: Partial<Record<ReplaySettingKey, unknown>>) => readReplaySettings((key) => values[key]);

describe('replay settings', () => {
  it('uses the manifest\'s defaults when nothing is set, without problems', () => {
    const { problems, ...values } = read({});
    assert.deepEqual(problems, []);
    for (const [key, value] of Object.entries(values)) assert.deepEqual(value, properties[id(key as ReplaySettingKey)].default, key);
  });

  it('checks numbers against the manifest\'s limits', () => {
    for (const [key, limits] of Object.entries(REPLAY_LIMITS)) {
      const property = properties[id(key as ReplaySettingKey)];
      assert.deepEqual([property.minimum, property.maximum], [limits.min, 'max' in limits ? limits.max : undefined], key);
    }
  });

  it('keeps usable values as they are', () => {
    const settings = read({ defaultTarget: ' http://localhost:3000/hook ', postalVersion: '3.1.1', timeoutMs: 250, simulateRetries: true, retryTimeCompression: 1 });
    assert.deepEqual(settings, { defaultTarget: 'http://localhost:3000/hook', postalVersion: '3.1.1', timeoutMs: 250, simulateRetries: true, retryTimeCompression: 1, problems: [] });
  });

  it('reports each value it cannot use, naming the setting and what to put, and uses the default instead', () => {
    const settings = read({ defaultTarget: 'localhost:3000', postalVersion: 'latest', timeoutMs: 50, simulateRetries: 'yes', retryTimeCompression: 0 });
    assert.deepEqual(
      { defaultTarget: settings.defaultTarget, postalVersion: settings.postalVersion, timeoutMs: settings.timeoutMs, simulateRetries: settings.simulateRetries, compression: settings.retryTimeCompression },
      { defaultTarget: '', postalVersion: '3.3.6', timeoutMs: 5000, simulateRetries: false, compression: 60 },
    );
    assert.deepEqual(settings.problems.map((problem) => problem.setting), ['defaultTarget', 'postalVersion', 'timeoutMs', 'simulateRetries', 'retryTimeCompression'].map((key) => id(key as ReplaySettingKey)));
    const [target, version, timeout, simulate, compression] = settings.problems.map((problem) => problem.message);
    assert.equal(target, 'postalWebhooks.replay.defaultTarget is "localhost:3000": use an http:// or https:// URL, or leave it empty to pick each time. Until then its default applies.');
    assert.match(version, /postalVersion is "latest": write a Postal version such as 3\.3\.6\./);
    assert.match(timeout, /timeoutMs is 50: use a number from 100 to 120000 ms\./);
    assert.match(simulate, /simulateRetries is "yes": use true or false\./);
    assert.match(compression, /retryTimeCompression is 0: use a number of 1 or more\./);
  });
});
