/**
 * Every command the extension contributes, by id. A unit test checks this map against
 * `contributes.commands` in package.json both ways, so neither can drift.
 * Kept free of `vscode` imports so that test runs in plain Node.
 */
export const COMMAND = {
  showLog: 'postalWebhooks.showLog',
} as const;

export type CommandId = (typeof COMMAND)[keyof typeof COMMAND];

/** Commands registered only when the extension host runs our integration tests. */
export const TEST_COMMAND = {
  state: 'postalWebhooks.test.state',
} as const;

export const VIEW = {
  container: 'postalWebhooks',
  events: 'postalWebhooks.events',
} as const;
