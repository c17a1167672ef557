import * as vscode from 'vscode';
import { policyForRecord } from '../../core/delivery';
import { recordLabel, requestFromRecord } from '../../core/replay/recordRequest';
import { type SentItem } from '../../core/replay/sendReport';
import { COMMAND } from '../commandIds';
import { deliverRequests } from './deliverRequests';
import { type CommandHandlers } from '../lazyCommands';
import { payloadsInActiveEditor, recordsToSend, signedOutgoing } from './outgoing';
import { type Outgoing, type ReplayServices } from './replayServices';
import { mayReach, pickTarget, rememberTarget } from './sendTargets';

/** Options tests and other commands pass to skip the questions. */
export interface ReplayOptions {
  target?: string;
}

/**
 * Asks for the target (unless given), checks workspace trust for it, remembers it and sends.
 * Resolves to undefined when the user cancels or may not send there.
 */
export async function sendTo(outgoingFor: (url: string) => Promise<Outgoing[]> | Outgoing[], services: ReplayServices, title: string, target?: string): Promise<SentItem[] | undefined> {
  const url = target ?? (await pickTarget(services.targets, title));
  if (url === undefined || !(await mayReach(url))) return undefined;
  await rememberTarget(services.workspaceState, url);
  const outgoing = await outgoingFor(url);
  if (outgoing.length === 0) return undefined;
  return deliverRequests(outgoing, services);
}

/**
 * "Replay Event": captured requests (from the Events view, one or many) go out again exactly as
 * they came; without a record, the envelopes of the active payload file go out, signed.
 */
async function replayEvent(services: ReplayServices, first?: unknown, second?: unknown, options: ReplayOptions = {}): Promise<SentItem[] | undefined> {
  const records = recordsToSend(services, first, second);
  if (records.length === 0) {
    const payloads = payloadsInActiveEditor();
    if (payloads === undefined) return undefined;
    return sendTo((url) => signedOutgoing(payloads, url, services), services, `Replay ${payloads.length === 1 ? payloads[0].label : `${payloads.length} events`}`, options.target);
  }
  const outgoingFor = (url: string): Outgoing[] => {
    const outgoing: Outgoing[] = [];
    for (const record of records) {
      const result = requestFromRecord(record, url);
      if (result.ok) outgoing.push({ label: recordLabel(record), request: result.request, policy: policyForRecord(record) });
      else void vscode.window.showWarningMessage(`Postal: ${recordLabel(record)} was skipped. ${result.problem}`);
    }
    return outgoing;
  };
  return sendTo(outgoingFor, services, `Replay ${records.length === 1 ? recordLabel(records[0]) : `${records.length} requests`}`, options.target);
}

async function rerunLastReplay(services: ReplayServices): Promise<SentItem[] | undefined> {
  if (services.lastSent === undefined) {
    void vscode.window.showInformationMessage('Postal: nothing has been sent yet in this window. Use "Postal: Send Test Event" or "Postal: Replay Event" first.');
    return undefined;
  }
  return deliverRequests(services.lastSent, services);
}

/** What each of these commands does (titles and registration: registerReplay.ts). */
export function commandHandlers(services: ReplayServices): CommandHandlers {
  return {
    [COMMAND.replayEvent]: (first?: unknown, second?: unknown, options?: ReplayOptions) => replayEvent(services, first, second, options),
    [COMMAND.rerunLastReplay]: () => rerunLastReplay(services),
  };
}
