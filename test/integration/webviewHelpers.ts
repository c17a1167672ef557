import * as vscode from 'vscode';
import { TEST_COMMAND } from '../../src/vscode/commandIds';
import { type PanelSnapshot as ProbedPanel } from '../../src/vscode/webview/webviewPanels';
import { eventually } from './explorerHelpers';

/** What a page's own script reported once it ran in the webview (media/webview/webview.js). */
export interface RenderedReport {
  title: string;
  text: string;
  actions: string[];
  /** Scripts in the page body: ours alone. */
  scripts: number;
  /** Every element name in the page body. */
  tags: string[];
  hiddenChars: number;
  sections: string[];
  /** Set only by a script that is not ours: a page that let one run. */
  pwned?: boolean;
  /** The page's frames (the mail preview's) and the frames inside each, once the page has loaded, and messages they posted. */
  frames?: { sandbox: string | null; childFrames: number | null }[];
  loaded?: boolean;
  frameMessages?: number;
}

/** A panel as the extension's test probe gives it, with its page's report typed. */
export type PanelSnapshot = Omit<ProbedPanel, 'rendered'> & { rendered?: RenderedReport };

interface Webviews {
  inspector: PanelSnapshot[];
  timeline: PanelSnapshot[];
  mail: PanelSnapshot[];
  answers: PanelSnapshot | null;
}

export async function webviews(): Promise<Webviews> {
  return vscode.commands.executeCommand<Webviews>(TEST_COMMAND.webviews);
}

/**
 * The panel of `kind` (`key`, or the only one) once its page has run its script and reported
 * what it shows, with `ready` true of it: proof that the page rendered under its policy.
 */
export async function renderedPanel(kind: 'inspector' | 'timeline' | 'mail' | 'answers', key?: string, ready: (report: RenderedReport) => boolean = () => true): Promise<PanelSnapshot & { rendered: RenderedReport }> {
  return eventually(`the ${kind} page to render`, async () => {
    const found = await webviews();
    const panels = kind === 'answers' ? (found.answers === null ? [] : [found.answers]) : found[kind];
    const panel = panels.find((candidate) => key === undefined || candidate.key === key);
    return panel?.rendered !== undefined && ready(panel.rendered) ? (panel as PanelSnapshot & { rendered: RenderedReport }) : undefined;
  }, 30_000).catch(async (error: unknown) => {
    const found = await webviews();
    const brief = (panel: PanelSnapshot | null): unknown => panel && { key: panel.key, title: panel.title, visible: panel.visible, active: panel.active, rendered: panel.rendered?.text.slice(0, 200) };
    throw new Error(`${String(error)}; open: ${JSON.stringify({ inspector: found.inspector.map(brief), timeline: found.timeline.map(brief), mail: found.mail.map(brief), answers: brief(found.answers) })}`);
  });
}
