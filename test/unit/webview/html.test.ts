import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { attr, escapeAttribute, escapeText, html, join, trusted } from '../../../src/core/webview/html';
import { assertOnlyOurMarkup } from '../helpers/markup';

describe('HTML escaping for webview pages', () => {
  it('escapes the five HTML specials in text and attributes', () => {
    assert.equal(escapeText(`<script>alert("x" & 'y')</script>`), '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
    assert.equal(escapeAttribute(`"><img src=x onerror='1'>`), '&quot;&gt;&lt;img src=x onerror=&#39;1&#39;&gt;');
  });

  it('shows terminal escapes, NUL, DEL, zero-width and bidirectional characters as marked symbols', () => {
    const shown = escapeText('a\u001b[31mb\u0000c\u007fd\u200be\u202ef\u2066g\ufeffh');
    // eslint-disable-next-line no-control-regex -- the point is that none are left
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f\u200b\u202e\u2066\ufeff]/.test(shown), JSON.stringify(shown));
    assert.match(shown, /<span class="hidden-char" title="U\+001B">&lt;ESC&gt;<\/span>\[31m/);
    assert.match(shown, /title="U\+0000">&lt;NUL&gt;</);
    assert.match(shown, /title="U\+007F">&lt;DEL&gt;</);
    assert.match(shown, /title="U\+202E">&lt;U\+202E&gt;</);
    assert.equal(escapeText('tab\tand\nnewline'), 'tab\tand\nnewline');
  });

  it('writes hidden characters in attributes by code point, without markup', () => {
    assert.equal(escapeAttribute('a\u001bb\u202e'), 'a&lt;U+001B&gt;b&lt;U+202E&gt;');
  });

  it('escapes every interpolated value, and leaves markup built by html, trusted and join as it is', () => {
    const name = '<b>bold</b>';
    const page = html`<p title="${attr(name)}">${name} ${3} ${[html`<span>${'&'}</span>`, 'x']}${undefined}${null}${false}</p>${trusted('<hr>')}`;
    assert.equal(page.value, '<p title="&lt;b&gt;bold&lt;/b&gt;">&lt;b&gt;bold&lt;/b&gt; 3 <span>&amp;</span>x</p><hr>');
    assert.equal(join(['a', html`<i></i>`, undefined, ''], ', ').value, 'a, <i></i>');
  });

  it('never lets any text out of its place, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        assertOnlyOurMarkup(html`<section id="${attr(text)}"><h2 title="${attr(text)}">${text}</h2><pre>${text}</pre></section>`.value);
      }),
      { numRuns: 500 },
    );
  });
});
