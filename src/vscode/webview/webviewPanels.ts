import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { type Html } from '../../core/webview/html';
import { WEBVIEW_FILES, WEBVIEW_MEDIA_FOLDER } from '../../core/webview/assets';
import { webviewPage } from '../../core/webview/page';


/** What one panel shows. */
export interface PanelContent {
  title: string;
  body: Html;
}

/** An action a page asked for: the button's `data-action`, and its `data-argument` if any. */
export interface PageRequest {
  key: string;
  action: string;
  argument?: string;
}

/** What a page last reported about itself (see media/webview/webview.js), with the HTML it was given. */
export interface PanelSnapshot {
  key: string;
  title: string;
  html: string;
  visible: boolean;
  active: boolean;
  rendered?: unknown;
}

interface OpenPanel {
  panel: vscode.WebviewPanel;
  html: string;
  /** The content last drawn, to skip drawing the same again (each drawing reloads the page). */
  drawn?: { title: string; body: string };
  /** Content that changed while the panel was hidden: drawn when it is shown again. */
  pending?: PanelContent;
  rendered?: unknown;
}

export interface WebviewPanelsOptions {
  /** The panels' view type, e.g. `postalWebhooks.inspector`. */
  viewType: string;
  extensionUri: vscode.Uri;
  /** Called for each action a page asks for; only names in `actions` are passed on. */
  actions: ReadonlySet<string>;
  onAction(request: PageRequest): unknown;
  /** Told when a panel is closed. */
  onClose?(key: string): void;
  /** Pages may carry inline styles (see `PageAssets.inlineStyles`). */
  inlineStyles?: boolean;
}

/**
 * Webview panels, one per key (a request, a message, …), created on first show and revealed
 * after that. Each rendering gets a fresh nonce and a strict Content-Security-Policy (see
 * `webviewPage`); pages load only the shared files under media/webview, and messages from them
 * are checked before anything is done. Reused by every page the extension shows.
 */
export class WebviewPanels implements vscode.Disposable {
  private readonly panels = new Map<string, OpenPanel>();
  private readonly mediaRoot: vscode.Uri;

  constructor(private readonly options: WebviewPanelsOptions) {
    this.mediaRoot = vscode.Uri.joinPath(options.extensionUri, ...WEBVIEW_MEDIA_FOLDER);
  }

  /** Shows `content` in the panel of `key`, creating it (in the active editor group unless `column` says otherwise) or revealing it. */
  show(key: string, content: PanelContent, { preserveFocus = false, column }: { preserveFocus?: boolean; column?: vscode.ViewColumn } = {}): vscode.WebviewPanel {
    const existing = this.panels.get(key);
    const open = existing ?? this.create(key, content.title, column ?? vscode.ViewColumn.Active, preserveFocus);
    this.render(open, content);
    // A new panel is shown as it is created; revealing it again while it loads would move it.
    if (existing !== undefined && (!open.panel.visible || !preserveFocus)) open.panel.reveal(open.panel.viewColumn, preserveFocus);
    return open.panel;
  }

  /** Renders `content` again in the panel of `key`, if it is open (a hidden one when it is shown again); true when it was. */
  update(key: string, content: PanelContent): boolean {
    const open = this.panels.get(key);
    if (open === undefined) return false;
    if (open.panel.visible) this.render(open, content);
    else open.pending = content;
    return true;
  }

  has(key: string): boolean {
    return this.panels.has(key);
  }

  keys(): string[] {
    return [...this.panels.keys()];
  }

  snapshot(key: string): PanelSnapshot | undefined {
    const open = this.panels.get(key);
    if (open === undefined) return undefined;
    return { key, title: open.panel.title, html: open.html, visible: open.panel.visible, active: open.panel.active, rendered: open.rendered };
  }

  dispose(): void {
    for (const open of [...this.panels.values()]) open.panel.dispose();
    this.panels.clear();
  }

  private create(key: string, title: string, column: vscode.ViewColumn, preserveFocus: boolean): OpenPanel {
    const panel = vscode.window.createWebviewPanel(this.options.viewType, title, { viewColumn: column, preserveFocus }, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [this.mediaRoot],
      // Kept alive while hidden: VS Code 1.100 leaves the next new webview blank when one is
      // hidden while its page loads (a user switching tabs at once), and our pages are light.
      retainContextWhenHidden: true,
    });
    panel.iconPath = vscode.Uri.joinPath(this.options.extensionUri, 'media', 'postal-activity.svg');
    const open: OpenPanel = { panel, html: '' };
    this.panels.set(key, open);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(key, open, message));
    panel.onDidChangeViewState(() => {
      if (!panel.visible || open.pending === undefined) return;
      const content = open.pending;
      open.pending = undefined;
      this.render(open, content);
    });
    panel.onDidDispose(() => {
      if (this.panels.get(key) === open) this.panels.delete(key);
      this.options.onClose?.(key);
    });
    return open;
  }

  private render(open: OpenPanel, content: PanelContent): void {
    open.pending = undefined;
    if (open.drawn?.title === content.title && open.drawn.body === content.body.value) return;
    open.drawn = { title: content.title, body: content.body.value };
    const webview = open.panel.webview;
    const file = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, name)).toString();
    const nonce = randomBytes(18).toString('base64');
    open.panel.title = content.title;
    open.rendered = undefined;
    open.html = webviewPage(content.title, content.body, { cspSource: webview.cspSource, nonce, styles: [file(WEBVIEW_FILES.style)], scripts: [file(WEBVIEW_FILES.script)], inlineStyles: this.options.inlineStyles });
    webview.html = open.html;
  }

  /** Pages send plain objects; anything else, or an action not offered, is ignored. */
  private receive(key: string, open: OpenPanel, message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const { type, action, argument, report } = message as Record<string, unknown>;
    if (type === 'rendered') open.rendered = report;
    if (type !== 'action' || typeof action !== 'string' || !this.options.actions.has(action)) return;
    void Promise.resolve(this.options.onAction({ key, action, argument: typeof argument === 'string' ? argument : undefined })).catch(() => undefined);
  }
}
