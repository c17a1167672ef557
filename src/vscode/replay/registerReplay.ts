import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { COMMAND } from '../commandIds';
import { registerGuarded } from '../guarded';
import { type RecordSource } from '../itemArgs';
import { lazy } from '../lazy';
import { registerLazyCommands } from '../lazyCommands';
import { SettingProblemReporter } from '../settingProblems';
import { type DevelopmentKeyStore } from './developmentKey';
import { plainOptions } from './plainOptions';
import { type SendEditedOptions } from './replayEdits';
import { readReplaySettings, REPLAY_SETTING, type ReplaySettings } from './replaySettings';
import { type ReplayServices } from './replayServices';

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
 * or .http, and the development signing key. Their code loads when one of them first runs.
 * Returns the services, for test probes.
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
    ...registerLazyCommands({ [COMMAND.sendTestEvent]: 'Send Test Event', [COMMAND.sendPayloadFile]: 'Send Payload File' }, () => import('./sendTestEvent.js'), services),
    ...registerLazyCommands({ [COMMAND.sendTestInboundMail]: 'Send Test Inbound Mail' }, () => import('./sendInboundMail.js'), services),
    ...registerLazyCommands({ [COMMAND.insertEvent]: 'Insert Postal Event', [COMMAND.newPayloadFile]: 'New Postal Payload File' }, () => import('./insertCommands.js'), services),
    ...registerLazyCommands({ [COMMAND.replayEvent]: 'Replay Event', [COMMAND.rerunLastReplay]: 'Rerun Last Replay' }, () => import('./replayCommands.js'), services),
    ...registerLazyCommands(
      { [COMMAND.exportAsCurl]: 'Export as curl', [COMMAND.exportAsHttpRequest]: 'Export as .http Request', [COMMAND.exportDevelopmentPublicKey]: 'Export Development Public Key' },
      () => import('./exportCommands.js'),
      services,
    ),
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
