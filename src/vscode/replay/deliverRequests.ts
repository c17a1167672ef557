import * as vscode from 'vscode';
import { describeAnswer, describePostalOutcome } from '../../core/replay/describeResult';
import { type SentItem } from '../../core/replay/sendReport';
import { sendPostalRequest, type SendResult } from '../../core/replay/sendPostalRequest';
import { simulateDelivery } from '../../core/replay/simulateDelivery';
import { urlForLog } from '../../core/replay/targetUrl';
import { COMMAND } from '../commandIds';
import { MILESTONE, reachMilestone } from '../walkthrough/milestones';
import { type Outgoing, type ReplayServices } from './replayServices';

/**
 * Sends each request as Postal would (with Postal's retries when `replay.simulateRetries` is on),
 * behind a cancellable progress notification when there is more than one or retries may wait,
 * then shows the answers on a page and what Postal would do in a notification.
 * Resolves to what was sent, for tests and "Rerun Last Replay".
 */
export async function deliverRequests(outgoing: Outgoing[], services: ReplayServices): Promise<SentItem[]> {
  const settings = services.settings();
  services.lastSent = outgoing;
  const sentAt = new Date();
  const run = async (signal: AbortSignal, report: Report): Promise<SentItem[]> => {
    const items: SentItem[] = [];
    for (const [index, item] of outgoing.entries()) {
      if (signal.aborted) break;
      report(`${index + 1}/${outgoing.length} ${item.label}`);
      const deps = { now: () => performance.now(), signal, timeoutMs: settings.timeoutMs, policy: item.policy };
      services.log.debug(`sending ${item.label} to ${urlForLog(item.request.url)}`);
      services.log.trace(`request body: ${item.request.body.toString('utf8')}`);
      const attempts = settings.simulateRetries
        ? await simulateDelivery(item.request, deps, {
            timeCompression: settings.retryTimeCompression,
            onWait: (attempt, ms) => report(`${item.label}: attempt ${attempt} failed, Postal's next attempt in ${formatWait(ms)}`),
          })
        : [await sendPostalRequest(item.request, deps)];
      items.push({ label: item.label, request: item.request, attempts, policy: item.policy });
      if (attempts.some((attempt) => attempt.response !== undefined)) reachMilestone(MILESTONE.testEventAnswered);
      report(`${index + 1}/${outgoing.length} sent`, 100 / outgoing.length);
      services.log.info(`${item.label} → ${urlForLog(item.request.url)}: ${attempts.map((attempt) => describeAnswer(attempt)).join('; ')}`);
    }
    return items;
  };
  const items = outgoing.length > 1 || settings.simulateRetries ? await withProgress(outgoing.length, run) : await run(new AbortController().signal, () => undefined);
  if (items.length > 0) (await services.answers.get()).show(items, sentAt);
  void notify(items, outgoing.length);
  return items;
}

type Report = (message: string, increment?: number) => void;

function withProgress(total: number, run: (signal: AbortSignal, report: Report) => Promise<SentItem[]>): Thenable<SentItem[]> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: total > 1 ? `Postal: sending ${total} events` : 'Postal: sending', cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return run(controller.signal, (message, increment) => progress.report({ message, increment }));
    },
  );
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

async function notify(items: SentItem[], total: number): Promise<void> {
  const finals = items.map((item) => item.attempts.at(-1)).filter((result): result is SendResult => result !== undefined);
  const delivered = finals.filter((result) => result.outcome?.success === true).length;
  let message: string;
  if (total === 1 && finals.length === 1) {
    message = `${items[0].label}: ${describeAnswer(finals[0])}. ${describePostalOutcome(finals[0], items[0].policy)}`;
  } else {
    const cancelled = total - finals.length;
    message = `Sent ${finals.length} of ${total} events: ${delivered} delivered, ${finals.length - delivered} failed.${cancelled > 0 ? ` ${cancelled} cancelled.` : ''}`;
  }
  const show = delivered === finals.length && finals.length > 0 ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  const rerun = 'Send Again';
  const answer = await show(`Postal: ${message}`, rerun);
  if (answer === rerun) await vscode.commands.executeCommand(COMMAND.rerunLastReplay);
}
