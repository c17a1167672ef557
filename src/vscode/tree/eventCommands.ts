import * as vscode from 'vscode';
import { type ExplorerNode, prettyEnvelope } from '../../core/explorer';
import { recordLabel } from '../../core/replay/recordRequest';
import { type Logger } from '../../core/logger';
import { type HistoryEntry, type RecordBasics, type WebhookRecord } from '../../core/store';
import { COMMAND, CONTEXT_KEY } from '../commandIds';
import { registerGuarded } from '../guarded';
import { entriesFromArgs, fieldFromArgs } from '../itemArgs';
import { type HistoryService } from '../listener/historyService';
import { type RequestInspector } from '../inspector/requestInspector';
import { type TimelinePanel } from '../inspector/timelinePanel';
import { type Lazy, lazy } from '../lazy';
import { eventDocumentUri, openEventDocument } from './eventDocuments';
import { type EventsView } from './eventsView';

/** Puts the last deleted events back (the notification's Undo; tests run it too). Not in the palette. */
export const UNDO_DELETE_COMMAND = 'postalWebhooks.undoDelete';

export interface EventCommandDeps {
  history: HistoryService;
  view: EventsView;
  log: Logger;
  /** The webview pages, loaded when first opened. */
  inspector: Lazy<RequestInspector>;
  timeline: Lazy<TimelinePanel>;
}

/** Why a record cannot be used as JSON, for the message shown instead. */
function notJson(record: RecordBasics): string {
  return `${recordLabel(record)} has no JSON body to use (${record.parse.status === 'invalid-json' ? 'it is not valid JSON' : record.body.truncated ? 'it was too large to keep' : 'it is empty or binary'}).`;
}

/** The default name of a fixture file: `MessageSent-8a3f0c6e.postal.json`. */
export function fixtureFileName(record: RecordBasics): string {
  const what = (record.event ?? 'request').replace(/[^A-Za-z0-9_-]+/g, '-');
  const which = record.uuid?.slice(0, 8) ?? record.id.slice(0, 13);
  return `${what}-${which}${record.kind === 'postal' ? '.postal' : ''}.json`;
}

/** The whole record of an entry, read from the history file; undefined (and the user told) when it cannot be. */
function readRecord(history: HistoryService, entry: HistoryEntry): WebhookRecord | undefined {
  const record = history.store.read(entry.id);
  if (record === undefined) void vscode.window.showWarningMessage(`${recordLabel(entry)} could not be read back from the history file: it was changed or damaged there (see the log).`);
  return record;
}

async function saveAsFixture(history: HistoryService, entry: HistoryEntry): Promise<vscode.Uri | undefined> {
  const record = readRecord(history, entry);
  if (record === undefined) return undefined;
  const text = prettyEnvelope(record);
  if (text === undefined) {
    void vscode.window.showWarningMessage(notJson(record));
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const defaultUri = folder === undefined ? undefined : vscode.Uri.joinPath(folder, 'fixtures', fixtureFileName(record));
  const target = await vscode.window.showSaveDialog({ title: `Save ${recordLabel(record)} as a fixture`, defaultUri, filters: { 'Postal payload': ['json'] }, saveLabel: 'Save Fixture' });
  if (target === undefined) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const open = 'Open';
  void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(target)}.`, open).then((choice) => (choice === open ? vscode.window.showTextDocument(target) : undefined));
  return target;
}

/**
 * "Select for Compare" then "Compare with Selected", as in the Explorer: a diff of the two
 * pretty-printed envelopes. One record remembered at a time (`postalWebhooks.compareSelected`).
 */
class CompareSelection {
  private selected: RecordBasics | undefined;

  async select(record: RecordBasics): Promise<void> {
    this.selected = record;
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY.compareSelected, true);
  }

  async compareWith(record: RecordBasics): Promise<boolean> {
    const left = this.selected;
    if (left === undefined) {
      void vscode.window.showInformationMessage('First choose "Select for Compare" on another event.');
      return false;
    }
    const title = `${recordLabel(left)} ↔ ${recordLabel(record)}`;
    await vscode.commands.executeCommand('vscode.diff', eventDocumentUri(left), eventDocumentUri(record), title, { preview: true });
    return true;
  }
}

/** Registers the commands on event rows (inline and context menu), each guarded at its boundary. */
export function registerEventCommands({ history, view, log, inspector, timeline }: EventCommandDeps): vscode.Disposable[] {
  const selection = (): readonly ExplorerNode[] => view.treeView.selection;
  const records = (first: unknown, second: unknown): HistoryEntry[] => entriesFromArgs(view.records, first, second);
  const first = (arg: unknown): HistoryEntry | undefined => records(arg, undefined)[0];
  const compare = new CompareSelection();
  const deletion = lazy(async () => new (await import('./deleteEvents.js')).DeleteEvents(history));
  return [
    registerGuarded(COMMAND.openEvent, 'Open Event', log, async (arg: unknown) => {
      const record = first(arg);
      if (record !== undefined) await openEventDocument(record);
    }),
    registerGuarded(COMMAND.openRequest, 'Inspect Request', log, async (arg: unknown) => {
      const record = first(arg);
      return record === undefined ? false : (await inspector.get()).open(record.id);
    }),
    registerGuarded(COMMAND.copyPayload, 'Copy Payload', log, async (arg: unknown) => {
      const entry = first(arg);
      const record = entry === undefined ? undefined : readRecord(history, entry);
      if (record === undefined) return undefined;
      const text = prettyEnvelope(record);
      if (text === undefined) return void vscode.window.showWarningMessage(notJson(record));
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`$(check) Copied the ${recordLabel(record)} envelope`, 3000);
      return text;
    }),
    registerGuarded(COMMAND.saveAsFixture, 'Save as Fixture', log, async (arg: unknown) => {
      const entry = first(arg);
      return entry === undefined ? undefined : saveAsFixture(history, entry);
    }),
    registerGuarded(COMMAND.selectForCompare, 'Select for Compare', log, async (arg: unknown) => {
      const record = first(arg);
      if (record !== undefined) await compare.select(record);
    }),
    registerGuarded(COMMAND.compareWithSelected, 'Compare with Selected', log, async (arg: unknown) => {
      const record = first(arg);
      return record === undefined ? false : compare.compareWith(record);
    }),
    registerGuarded(COMMAND.showMessageTimeline, 'Show Message Timeline', log, async (arg: unknown) => {
      const record = first(arg);
      if (record === undefined) return false;
      const shown = (await timeline.get()).open(record.id);
      if (!shown) void vscode.window.showInformationMessage(`${recordLabel(record)} belongs to no message, domain or server, so it has no timeline.`);
      return shown;
    }),
    registerGuarded(COMMAND.deleteEvent, 'Delete Event', log, async (arg: unknown, all: unknown) => (await deletion.get()).delete(records(arg, all))),
    deletion,
    registerGuarded(UNDO_DELETE_COMMAND, 'Undo Delete', log, async () => (await deletion.get()).undo()),
    registerGuarded(COMMAND.copyFieldValue, 'Copy Value', log, async (arg: unknown) => {
      const field = fieldFromArgs(arg, selection());
      if (field !== undefined) await vscode.env.clipboard.writeText(field.value);
    }),
  ];
}
