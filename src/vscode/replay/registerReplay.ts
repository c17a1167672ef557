import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { type RecordSource } from '../itemArgs';
import { SettingProblemReporter } from '../settingProblems';
import { type DevelopmentKeyStore } from './developmentKey';
import { registerExportCommands } from './exportCommands';
import { registerInsertCommands } from './insertCommands';
import { registerReplayCommands } from './replayCommands';
import { ReplayEdits } from './replayEdits';
import { readReplaySettings, REPLAY_SETTING, type ReplaySettings } from './replaySettings';
import { type ReplayServices } from './replayServices';
import { POSTAL_SCHEME, ResponseDocuments } from './responseDocuments';
import { registerSendTestEvent } from './sendTestEvent';

export interface ReplayDeps {
  log: Logger;
  /** Where our own listener receives webhooks (the bound address when it runs). */
  ownListenerUrl: () => string | undefined;
  /** Captured requests by id, and the Events view's selection. */
  records: RecordSource;
  /** The development signing key, shared with the listener (which recognises its signatures). */
  keys: DevelopmentKeyStore;
}

/**
 * Everything for payload snippets, test events and replays: insert and new-file commands,
 * "Send Test Event", replays of captured requests (as they were or edited), exports as curl
 * or .http, and the development signing key. Returns the services, for test probes.
 */
export function registerReplay(context: vscode.ExtensionContext, deps: ReplayDeps): ReplayServices {
  const documents = new ResponseDocuments();
  const { keys } = deps;
  const problems = new SettingProblemReporter(deps.log);
  const settings = (): ReplaySettings => {
    const configuration = vscode.workspace.getConfiguration(REPLAY_SETTING.section);
    const read = readReplaySettings((key) => configuration.get(key));
    problems.report(read.problems);
    return read;
  };
  const services: ReplayServices = {
    log: deps.log,
    keys,
    documents,
    workspaceState: context.workspaceState,
    records: deps.records,
    settings,
    lastSent: undefined,
    targets: {
      workspaceState: context.workspaceState,
      ownListenerUrl: deps.ownListenerUrl,
      forwardUrl: () => vscode.workspace.getConfiguration('postalWebhooks.listener').get<string>('forwardUrl') || undefined,
      defaultTarget: () => settings().defaultTarget,
    },
  };
  context.subscriptions.push(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(POSTAL_SCHEME, documents),
    new ReplayEdits(services),
    registerSendTestEvent(services),
    ...registerInsertCommands(services),
    ...registerReplayCommands(services),
    ...registerExportCommands(services),
  );
  return services;
}
