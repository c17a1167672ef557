import { attr, type Html, html } from './html';

/** What a webview page needs besides its body: where its files are and the nonce of this rendering. */
export interface PageAssets {
  /** The webview's `cspSource`: the origin its local files are served from. */
  cspSource: string;
  /** Fresh for every rendering; only scripts carrying it run. */
  nonce: string;
  /** Stylesheet URLs, as the webview serves them. */
  styles: readonly string[];
  /** Script URLs, as the webview serves them. */
  scripts: readonly string[];
  /**
   * Allow inline styles: only for the mail preview, whose sandboxed frame inherits this policy
   * and would otherwise lose the mail's own CSS. Scripts still need the nonce, and nothing can
   * load from elsewhere, so a style can neither run code nor send anything away.
   */
  inlineStyles?: boolean;
}

/**
 * The Content-Security-Policy of every page: nothing loads but our own files, scripts run only
 * with this rendering's nonce (so markup smuggled into a page could not run any), no inline styles,
 * no frames, forms or plugins, and no connections anywhere.
 */
export function contentSecurityPolicy(assets: Pick<PageAssets, 'cspSource' | 'nonce' | 'inlineStyles'>): string {
  return [
    "default-src 'none'",
    `style-src ${assets.cspSource}${assets.inlineStyles === true ? " 'unsafe-inline'" : ''}`,
    `font-src ${assets.cspSource}`,
    `img-src ${assets.cspSource} data:`,
    `script-src 'nonce-${assets.nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** A whole webview document: the policy first, then our styles, the body, and our scripts last. */
export function webviewPage(title: string, body: Html, assets: PageAssets): string {
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(assets))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${assets.styles.map((href) => html`<link rel="stylesheet" href="${attr(href)}">\n`)}</head>
<body>
${body}
${assets.scripts.map((src) => html`<script nonce="${attr(assets.nonce)}" src="${attr(src)}"></script>\n`)}</body>
</html>
`;
  return page.value;
}
