import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { DevelopmentKeyStore, DEVELOPMENT_KEY_SECRET } from './developmentKey';
import { registerExportCommands } from './exportCommands';
import { registerInsertCommands } from './insertCommands';
import { ownListenerUrlFromSettings } from './ownListenerUrl';
import { registerReplayCommands } from './replayCommands';
import { type RecordReader } from './recordArgs';
import { ReplayEdits } from './replayEdits';
import { readReplaySettings } from './replaySettings';
import { type ReplayServices } from './replayServices';
import { POSTAL_SCHEME, ResponseDocuments } from './responseDocuments';
import { registerSendTestEvent } from './sendTestEvent';

export interface ReplayDeps {
  log: Logger;
  /** Where our running listener receives webhooks; by default read from the listener settings. */
  ownListenerUrl?: () => string | undefined;
  /** Whole records of the history by id. */
  readRecord?: RecordReader;
}

/**
 * Everything for payload snippets, test events and replays: insert and new-file commands,
 * "Send Test Event", replays of captured requests (as they were or edited), exports as curl
 * or .http, and the development signing key. Returns the services, for test probes.
 */
export function registerReplay(context: vscode.ExtensionContext, deps: ReplayDeps): ReplayServices {
  const documents = new ResponseDocuments();
  const keys = new DevelopmentKeyStore(context.secrets, deps.log);
  const services: ReplayServices = {
    log: deps.log,
    keys,
    documents,
    workspaceState: context.workspaceState,
    readRecord: deps.readRecord ?? (() => undefined),
    lastSent: undefined,
    targets: {
      workspaceState: context.workspaceState,
      ownListenerUrl: deps.ownListenerUrl ?? ownListenerUrlFromSettings,
      forwardUrl: () => vscode.workspace.getConfiguration('postalWebhooks.listener').get<string>('forwardUrl') || undefined,
      defaultTarget: () => readReplaySettings().defaultTarget,
    },
  };
  context.subscriptions.push(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(POSTAL_SCHEME, documents),
    context.secrets.onDidChange((change) => {
      if (change.key === DEVELOPMENT_KEY_SECRET) keys.forget();
    }),
    new ReplayEdits(services),
    registerSendTestEvent(services),
    ...registerInsertCommands(services),
    ...registerReplayCommands(services),
    ...registerExportCommands(services),
  );
  return services;
}
