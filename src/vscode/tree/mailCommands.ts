import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { recordLabel } from '../../core/replay/recordRequest';
import { COMMAND } from '../commandIds';
import { entriesFromArgs } from '../itemArgs';
import { type MailPreview } from '../inspector/mailPreview';
import { type Lazy } from '../lazy';
import { type CommandHandlers } from '../lazyCommands';
import { type EventsView } from './eventsView';

/** Where an attachment goes without the save dialog (tests; a script could pass one too). */
interface SaveOptions {
  target?: vscode.Uri | string;
}

function targetUri(options: unknown): vscode.Uri | undefined {
  const target = typeof options === 'object' && options !== null ? (options as SaveOptions).target : undefined;
  if (target instanceof vscode.Uri) return target;
  return typeof target === 'string' ? vscode.Uri.parse(target) : undefined;
}

/** What the mail commands use. */
export interface MailCommandServices {
  view: EventsView;
  mail: Lazy<MailPreview>;
  log: Logger;
}

/**
 * "Show Mail" on an inbound e-mail row (and a click on one), and the mail preview's attachment
 * commands, which take the record id and the attachment's index. Loaded when one first runs;
 * the preview itself loads then too.
 */
export function commandHandlers({ view, mail }: MailCommandServices): CommandHandlers {
  return {
    [COMMAND.showMail]: async (arg: unknown) => {
      const record = entriesFromArgs(view.records, arg)[0];
      if (record === undefined) return false;
      const shown = await (await mail.get()).open(record.id);
      if (!shown) void vscode.window.showInformationMessage(`${recordLabel(record)} is not an inbound e-mail, so it has no mail to show.`);
      return shown;
    },
    [COMMAND.openMailAttachment]: async (recordId: unknown, index: unknown) => (typeof recordId === 'string' ? (await mail.get()).openAttachment(recordId, Number(index)) : undefined),
    [COMMAND.saveMailAttachment]: async (recordId: unknown, index: unknown, options: unknown) =>
      typeof recordId === 'string' ? (await mail.get()).saveAttachment(recordId, Number(index), targetUri(options)) : undefined,
  };
}
