import * as assert from 'node:assert/strict';
import { html } from '../../../src/core/webview/html';
import { contentSecurityPolicy, webviewPage } from '../../../src/core/webview/page';

const assets = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'n0nce+/=', styles: ['https://file+.vscode-resource.vscode-cdn.net/media/webview/webview.css'], scripts: ['https://file+.vscode-resource.vscode-cdn.net/media/webview/webview.js'] };

describe('webview pages', () => {
  it('allows only our own files, and scripts only with the nonce: no inline code, no connections, frames, forms or plugins', () => {
    const policy = contentSecurityPolicy(assets);
    const directives = new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]));
    assert.equal(directives.get('default-src'), "'none'");
    assert.equal(directives.get('script-src'), "'nonce-n0nce+/='");
    assert.equal(directives.get('style-src'), assets.cspSource);
    for (const closed of ['connect-src', 'frame-src', 'object-src', 'form-action', 'base-uri']) assert.equal(directives.get(closed), "'none'", closed);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
  });

  it('puts the policy first, links our stylesheet, escapes the title and loads the script with the nonce', () => {
    const page = webviewPage('<MessageSent>', html`<main>body</main>`, assets);
    const head = page.slice(0, page.indexOf('</head>'));
    assert.ok(head.indexOf('Content-Security-Policy') < head.indexOf('<link'), 'the policy must come before anything it governs');
    assert.match(head, /<title>&lt;MessageSent&gt;<\/title>/);
    assert.ok(page.includes(`<link rel="stylesheet" href="${assets.styles[0]}">`));
    assert.ok(page.includes(`<script nonce="n0nce+/=" src="${assets.scripts[0]}"></script>`));
    assert.equal([...page.matchAll(/<script/g)].length, 1);
    assert.ok(page.indexOf('<main>body</main>') < page.indexOf('<script'), 'the script runs after the body it wires');
  });
});
