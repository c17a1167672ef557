import * as vscode from 'vscode';
import { componentLogger, type Logger } from '../../core/logger';
import { type ListenerServices } from '../listener/registerListener';
import { EventDecorationProvider } from './eventDecorations';
import { EVENT_SCHEME, EventDocuments } from './eventDocuments';
import { registerEventCommands } from './eventCommands';
import { EventsView } from './eventsView';
import { registerViewCommands } from './viewCommands';

/**
 * The Events view and everything on it: the tree, row decorations, the read-only event and
 * request documents, the title-bar commands and the row commands. Returns the view for tests.
 */
export function registerEventsView(context: vscode.ExtensionContext, listener: ListenerServices, baseLog: Logger): EventsView {
  const log = componentLogger(baseLog, 'tree');
  const { history, controller } = listener;
  const view = new EventsView(context.workspaceState, history, controller);
  const documents = new EventDocuments(history);
  context.subscriptions.push(
    view,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(EVENT_SCHEME, documents),
    vscode.window.registerFileDecorationProvider(new EventDecorationProvider()),
    ...registerViewCommands(view, history, log),
    ...registerEventCommands({ history, view, log }),
  );
  return view;
}
