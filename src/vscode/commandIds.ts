/**
 * Every command the extension contributes, by id. A unit test checks this map against
 * `contributes.commands` in package.json both ways, so neither can drift.
 * Kept free of `vscode` imports so that test runs in plain Node.
 */
export const COMMAND = {
  showLog: 'postalWebhooks.showLog',
  insertEvent: 'postalWebhooks.insertEvent',
  newPayloadFile: 'postalWebhooks.newPayloadFile',
  sendTestEvent: 'postalWebhooks.sendTestEvent',
  replayEvent: 'postalWebhooks.replayEvent',
  replayWithEdits: 'postalWebhooks.replayWithEdits',
  sendEditedReplay: 'postalWebhooks.sendEditedReplay',
  rerunLastReplay: 'postalWebhooks.rerunLastReplay',
  exportAsCurl: 'postalWebhooks.exportAsCurl',
  exportAsHttpRequest: 'postalWebhooks.exportAsHttpRequest',
  exportDevelopmentPublicKey: 'postalWebhooks.exportDevelopmentPublicKey',
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
