import { DEFAULT_POSTAL_VERSION, postalVersionProblem } from '../../core/replay/postalRequest';
import { POSTAL_TIMEOUT_MS } from '../../core/replay/sendPostalRequest';
import { targetUrlProblem } from '../../core/replay/targetUrl';
import { type SettingProblem, SettingsReader } from '../settingsReader';

/**
 * The `postalWebhooks.replay.*` settings by name. Kept free of `vscode` imports so unit tests
 * check them against package.json both ways and parse them in plain Node.
 */
export const REPLAY_SETTING = {
  section: 'postalWebhooks.replay',
  defaultTarget: 'defaultTarget',
  postalVersion: 'postalVersion',
  timeoutMs: 'timeoutMs',
  simulateRetries: 'simulateRetries',
  retryTimeCompression: 'retryTimeCompression',
} as const;
export type ReplaySettingKey = Exclude<(typeof REPLAY_SETTING)[keyof typeof REPLAY_SETTING], typeof REPLAY_SETTING.section>;

/** Settings that send data to other hosts: restricted in untrusted workspaces. */
export const REPLAY_RESTRICTED_SETTINGS = [`${REPLAY_SETTING.section}.${REPLAY_SETTING.defaultTarget}`] as const;

export const REPLAY_LIMITS = {
  timeoutMs: { min: 100, max: 120_000, unit: ' ms' },
  retryTimeCompression: { min: 1 },
} as const;

/** The `postalWebhooks.replay.*` settings, each checked; a bad value gives its default and a problem. */
export interface ReplaySettings {
  /** Where "Send Test Event" and replays go without asking; empty means ask. */
  defaultTarget: string;
  postalVersion: string;
  timeoutMs: number;
  simulateRetries: boolean;
  retryTimeCompression: number;
  problems: SettingProblem[];
}

/** Reads and checks the replay settings through `get` (a lookup by key in the replay section). */
export function readReplaySettings(get: (key: ReplaySettingKey) => unknown): ReplaySettings {
  const reader = new SettingsReader(REPLAY_SETTING.section, get);
  const targetProblem = (text: string): string | undefined => (text === '' || targetUrlProblem(text) === undefined ? undefined : 'use an http:// or https:// URL, or leave it empty to pick each time.');
  const versionProblem = (text: string): string | undefined => (postalVersionProblem(text) === undefined ? undefined : `write a Postal version such as ${DEFAULT_POSTAL_VERSION}.`);
  return {
    defaultTarget: reader.text(REPLAY_SETTING.defaultTarget, '', targetProblem),
    postalVersion: reader.text(REPLAY_SETTING.postalVersion, DEFAULT_POSTAL_VERSION, versionProblem),
    timeoutMs: reader.number(REPLAY_SETTING.timeoutMs, POSTAL_TIMEOUT_MS, REPLAY_LIMITS.timeoutMs),
    simulateRetries: reader.boolean(REPLAY_SETTING.simulateRetries, false),
    retryTimeCompression: reader.number(REPLAY_SETTING.retryTimeCompression, 60, REPLAY_LIMITS.retryTimeCompression),
    problems: reader.problems,
  };
}
