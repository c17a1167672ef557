/**
 * The `postalWebhooks.replay.*` settings by name. Kept free of `vscode` imports so a unit test
 * can check them against package.json both ways.
 */
export const REPLAY_SETTING = {
  section: 'postalWebhooks.replay',
  defaultTarget: 'defaultTarget',
  postalVersion: 'postalVersion',
  timeoutMs: 'timeoutMs',
  simulateRetries: 'simulateRetries',
  retryTimeCompression: 'retryTimeCompression',
} as const;

/** Settings that send data to other hosts: restricted in untrusted workspaces. */
export const REPLAY_RESTRICTED_SETTINGS = [`${REPLAY_SETTING.section}.${REPLAY_SETTING.defaultTarget}`] as const;
