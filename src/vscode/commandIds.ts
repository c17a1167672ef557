/**
 * Every command the extension contributes, by id. A unit test checks this map against
 * `contributes.commands` in package.json both ways, so neither can drift.
 * Kept free of `vscode` imports so that test runs in plain Node.
 */
export const COMMAND = {
  showLog: 'postalWebhooks.showLog',
  // The listener
  startListener: 'postalWebhooks.startListener',
  stopListener: 'postalWebhooks.stopListener',
  restartListener: 'postalWebhooks.restartListener',
  listenerMenu: 'postalWebhooks.listenerMenu',
  copyWebhookUrl: 'postalWebhooks.copyWebhookUrl',
  showReachabilityHelp: 'postalWebhooks.showReachabilityHelp',
  setUpPublicKey: 'postalWebhooks.setUpPublicKey',
  // The Events view
  groupBy: 'postalWebhooks.groupBy',
  filterEvents: 'postalWebhooks.filterEvents',
  clearFilter: 'postalWebhooks.clearFilter',
  clearHistory: 'postalWebhooks.clearHistory',
  showMore: 'postalWebhooks.showMore',
  // Event items
  openEvent: 'postalWebhooks.openEvent',
  openRequest: 'postalWebhooks.openRequest',
  copyPayload: 'postalWebhooks.copyPayload',
  saveAsFixture: 'postalWebhooks.saveAsFixture',
  selectForCompare: 'postalWebhooks.selectForCompare',
  compareWithSelected: 'postalWebhooks.compareWithSelected',
  showMessageTimeline: 'postalWebhooks.showMessageTimeline',
  showMail: 'postalWebhooks.showMail',
  openMailAttachment: 'postalWebhooks.openMailAttachment',
  saveMailAttachment: 'postalWebhooks.saveMailAttachment',
  deleteEvent: 'postalWebhooks.deleteEvent',
  copyFieldValue: 'postalWebhooks.copyFieldValue',
  // Snippets, test events and replay
  insertEvent: 'postalWebhooks.insertEvent',
  newPayloadFile: 'postalWebhooks.newPayloadFile',
  sendTestEvent: 'postalWebhooks.sendTestEvent',
  sendPayloadFile: 'postalWebhooks.sendPayloadFile',
  sendTestInboundMail: 'postalWebhooks.sendTestInboundMail',
  replayEvent: 'postalWebhooks.replayEvent',
  replayWithEdits: 'postalWebhooks.replayWithEdits',
  sendEditedReplay: 'postalWebhooks.sendEditedReplay',
  rerunLastReplay: 'postalWebhooks.rerunLastReplay',
  exportAsCurl: 'postalWebhooks.exportAsCurl',
  exportAsHttpRequest: 'postalWebhooks.exportAsHttpRequest',
  exportDevelopmentPublicKey: 'postalWebhooks.exportDevelopmentPublicKey',
  // Handler code
  copyTypes: 'postalWebhooks.copyTypes',
} as const;

export type CommandId = (typeof COMMAND)[keyof typeof COMMAND];

/** Commands registered only when the extension host runs our integration tests. */
export const TEST_COMMAND = {
  state: 'postalWebhooks.test.state',
  treeSnapshot: 'postalWebhooks.test.treeSnapshot',
  explorerState: 'postalWebhooks.test.explorerState',
  milestones: 'postalWebhooks.test.milestones',
  webviews: 'postalWebhooks.test.webviews',
} as const;

export const VIEW = {
  container: 'postalWebhooks',
  events: 'postalWebhooks.events',
} as const;

/** Context keys our `when` clauses read. */
export const CONTEXT_KEY = {
  /** `stopped` | `starting` | `listening` | `stopping` | `error` */
  listenerState: 'postalWebhooks.listenerState',
  filterActive: 'postalWebhooks.filterActive',
  /** `type` | `message` | `time` */
  grouping: 'postalWebhooks.grouping',
  compareSelected: 'postalWebhooks.compareSelected',
  hasEvents: 'postalWebhooks.hasEvents',
} as const;
