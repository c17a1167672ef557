import { attr, type Html, html } from '../webview/html';

/**
 * A mail's HTML body is written by whoever sent the mail: it is shown in a frame that can do
 * nothing but draw. The frame is `sandbox`ed with no permission at all (no scripts, forms,
 * pop-ups, plugins or navigation of the page), gets its document through `srcdoc` (nothing is
 * fetched for it), and carries the policy below on top of the page's own, which it inherits:
 * styles written in the mail apply, images load only from `data:` URLs, and nothing else
 * loads at all: no remote images (tracking pixels), stylesheets, fonts, media or frames.
 * Links open nothing: the frame's `<base target="_blank">` sends them to a pop-up, which the
 * sandbox forbids, and a mail's own `<base href>` is refused by the policy.
 */
export const MAIL_FRAME_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'";

/** Mail bodies larger than this are not drawn (a few MB of markup would stall the page). */
export const MAX_FRAME_CHARS = 2 * 1024 * 1024;

/**
 * The document the frame shows: our head first (the policy, inert links, no DNS prefetching),
 * then the mail's markup as it came. Whatever the mail puts in its own head can only add
 * restrictions: a second policy never loosens the first.
 */
export function mailFrameDocument(htmlBody: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${MAIL_FRAME_POLICY}"><meta http-equiv="x-dns-prefetch-control" content="off"><meta name="referrer" content="no-referrer"><base target="_blank"></head><body>${htmlBody}</body></html>`;
}

/** The frame element; its `srcdoc` is an attribute value, so the markup is escaped once for it. */
export function mailFrame(htmlBody: string): Html {
  return html`<iframe class="mail-frame" data-mail-frame sandbox="" referrerpolicy="no-referrer" title="The mail's HTML body, drawn without scripts or remote content" srcdoc="${attr(mailFrameDocument(htmlBody))}"></iframe>`;
}

/** A tag and its attributes, for {@link remoteReferences}. */
const TAG = /<([a-z][a-z0-9:-]*)\b([^>]*)>/gi;
const LOADING_ATTRIBUTE = /\b(src|srcset|background|poster|data|href|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const CSS_REMOTE = /(?:url\(\s*["']?|@import\s+["'])\s*(?:https?:)?\/\//gi;
const REMOTE_URL = /^\s*["']?\s*(?:https?:)?\/\//i;
/** Elements whose `href` is followed only when clicked, never loaded with the page. */
const LINKS = new Set(['a', 'area']);

/**
 * How many places of the mail's markup would load something from another site (images,
 * stylesheets, fonts, media, frames: through attributes or CSS `url()`), none of which the frame
 * loads. Only counted, to tell the user what they are not seeing; a rough scan is enough for that.
 */
export function remoteReferences(htmlBody: string): number {
  let count = 0;
  for (const [, tag, attributes] of htmlBody.matchAll(TAG)) {
    for (const [, name, value] of attributes.matchAll(LOADING_ATTRIBUTE)) {
      if (name.toLowerCase() === 'href' && LINKS.has(tag.toLowerCase())) continue;
      if (REMOTE_URL.test(value)) count++;
    }
  }
  for (const _ of htmlBody.matchAll(CSS_REMOTE)) count++;
  return count;
}
