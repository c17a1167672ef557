import * as vscode from 'vscode';
import { componentLogger, type Logger } from '../../core/logger';
import { type MailPreview } from '../inspector/mailPreview';
import { type RequestInspector } from '../inspector/requestInspector';
import { type TimelinePanel } from '../inspector/timelinePanel';
import { type Lazy, lazy } from '../lazy';
import { registerLazyCommands } from '../lazyCommands';
import { COMMAND } from '../commandIds';
import { type ListenerServices } from '../listener/registerListener';
import { EventDecorationProvider } from './eventDecorations';
import { EVENT_SCHEME, EventDocuments } from './eventDocuments';
import { registerEventCommands } from './eventCommands';
import { EventsView } from './eventsView';
import { registerViewCommands } from './viewCommands';

export interface EventsViewParts {
  view: EventsView;
  inspector: Lazy<RequestInspector>;
  timeline: Lazy<TimelinePanel>;
  mail: Lazy<MailPreview>;
}

/**
 * The Events view and everything on it: the tree, row decorations, the read-only event
 * documents, the request inspector, message timelines and the mail preview, the title-bar commands and the row
 * commands. Returns the view and the pages, for tests.
 */
export function registerEventsView(context: vscode.ExtensionContext, listener: ListenerServices, baseLog: Logger): EventsViewParts {
  const log = componentLogger(baseLog, 'tree');
  const { history, controller } = listener;
  const view = new EventsView(context.workspaceState, history, controller);
  const documents = new EventDocuments(history);
  // The webview pages load on first use: nothing of them runs at start-up. (`.js`: how TypeScript
  // names a module for import(); esbuild finds the .ts.)
  const inspector = lazy(async () => new (await import('../inspector/requestInspector.js')).RequestInspector(history, context.extensionUri));
  const timeline = lazy(async () => new (await import('../inspector/timelinePanel.js')).TimelinePanel(history, view.threads, context.extensionUri));
  const mail = lazy(async () => new (await import('../inspector/mailPreview.js')).MailPreview(history, context.extensionUri));
  context.subscriptions.push(
    inspector,
    timeline,
    mail,
    view,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(EVENT_SCHEME, documents),
    vscode.window.registerFileDecorationProvider(new EventDecorationProvider()),
    ...registerViewCommands(view, history, log),
    ...registerEventCommands({ history, view, log, inspector, timeline }),
    ...registerLazyCommands(
      { [COMMAND.showMail]: 'Show Mail', [COMMAND.openMailAttachment]: 'Open Attachment', [COMMAND.saveMailAttachment]: 'Save Attachment' },
      () => import('./mailCommands.js'),
      { view, mail, log },
    ),
  );
  return { view, inspector, timeline, mail };
}
