import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { COMMAND } from '../commandIds';
import { registerGuarded } from '../guarded';
import { type RecordSource } from '../itemArgs';
import { lazy } from '../lazy';
import { SettingProblemReporter } from '../settingProblems';
import { type DevelopmentKeyStore } from './developmentKey';
import { registerExportCommands } from './exportCommands';
import { registerInsertCommands } from './insertCommands';
import { registerReplayCommands } from './replayCommands';
import { plainOptions } from './plainOptions';
import { type SendEditedOptions } from './replayEdits';
import { readReplaySettings, REPLAY_SETTING, type ReplaySettings } from './replaySettings';
import { type ReplayServices } from './replayServices';
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
  const answers = lazy(async () => new (await import('../inspector/sendResults.js')).SendResults(context.extensionUri));
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
    answers,
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
    answers,
    ...registerReplayEdits(services),
    ...registerSendTestEvent(services),
    // Composing inbound mail (postal-mime, the sample) loads the first time it is used.
    registerGuarded(COMMAND.sendTestInboundMail, 'Send Test Inbound Mail', services.log, async (options?: unknown) =>
      (await import('./sendInboundMail.js')).sendTestInboundMail(services, plainOptions(options)),
    ),
    ...registerInsertCommands(services),
    ...registerReplayCommands(services),
    ...registerExportCommands(services),
  );
  return services;
}

/**
 * "Replay with Edits" and "Send Edited Request": the editing code (request layout, signature
 * plans, lenses) loads the first time either is used.
 */
function registerReplayEdits(services: ReplayServices): vscode.Disposable[] {
  const edits = lazy(async () => new (await import('./replayEdits.js')).ReplayEdits(services));
  return [
    edits,
    registerGuarded(COMMAND.replayWithEdits, 'Replay with Edits', services.log, async (first?: unknown, second?: unknown) => (await edits.get()).open(first, second)),
    registerGuarded(COMMAND.sendEditedReplay, 'Send Edited Request', services.log, async (uri?: unknown, options?: unknown) =>
      (await edits.get()).send(uri instanceof vscode.Uri ? uri : undefined, plainOptions<SendEditedOptions>(options)),
    ),
  ];
}
