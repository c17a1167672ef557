import * as vscode from 'vscode';
import { DEFAULT_POSTAL_VERSION, postalVersionProblem } from '../../core/replay/postalRequest';
import { POSTAL_TIMEOUT_MS } from '../../core/replay/sendPostalRequest';
import { REPLAY_SETTING } from './replaySettingKeys';

/** The `postalWebhooks.replay.*` settings, each checked, with its default when unset or invalid. */
export interface ReplaySettings {
  /** Where "Send Test Event" and replays go without asking; empty means ask. */
  defaultTarget: string;
  postalVersion: string;
  timeoutMs: number;
  simulateRetries: boolean;
  retryTimeCompression: number;
}

export function readReplaySettings(): ReplaySettings {
  const config = vscode.workspace.getConfiguration(REPLAY_SETTING.section);
  const version = config.get<string>(REPLAY_SETTING.postalVersion, DEFAULT_POSTAL_VERSION);
  const timeout = config.get<number>(REPLAY_SETTING.timeoutMs, POSTAL_TIMEOUT_MS);
  const compression = config.get<number>(REPLAY_SETTING.retryTimeCompression, 60);
  return {
    defaultTarget: config.get<string>(REPLAY_SETTING.defaultTarget, '').trim(),
    postalVersion: typeof version === 'string' && postalVersionProblem(version) === undefined ? version : DEFAULT_POSTAL_VERSION,
    timeoutMs: Number.isFinite(timeout) && timeout >= 100 && timeout <= 120_000 ? timeout : POSTAL_TIMEOUT_MS,
    simulateRetries: config.get<boolean>(REPLAY_SETTING.simulateRetries, false) === true,
    retryTimeCompression: Number.isFinite(compression) && compression >= 1 ? compression : 60,
  };
}
