import * as assert from 'node:assert/strict';
import { isJsonText, MAX_PRETTY_CHARS, prettyJson } from '../../../src/core/webview/jsonView';

/** The text a page shows for some markup: tags dropped, entities decoded. */
function shownText(markup: string): string {
  return markup.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('pretty JSON in webview pages', () => {
  const raw = '{"event":"MessageSent","payload":{"time":1.0,"id":12345678901234567890,"subject":"\\u003cb\\u003e \\"x\\"","tags":[true,null]},"uuid":"u"}';

  it('indents without changing a token: numbers and escapes stay exactly as they came', () => {
    const text = shownText(prettyJson(raw)?.value ?? '');
    assert.equal(text.replace(/\s+/g, ''), raw.replace(/\s+/g, ''));
    assert.ok(text.includes('"time": 1.0'), text);
    assert.ok(text.includes('12345678901234567890'));
    assert.ok(text.includes('"\\u003cb\\u003e \\"x\\""'));
    assert.match(text, /^\{\n {2}"event": "MessageSent",\n {2}"payload": \{\n {4}"time"/);
  });

  it('colours keys, strings, numbers and literals apart', () => {
    const markup = prettyJson(raw)?.value ?? '';
    assert.ok(markup.includes('<span class="json-key">&quot;event&quot;</span>'));
    assert.ok(markup.includes('<span class="json-string">&quot;MessageSent&quot;</span>'));
    assert.ok(markup.includes('<span class="json-number">1.0</span>'));
    assert.ok(markup.includes('<span class="json-literal">null</span>'));
  });

  it('leaves bodies too large to colour to the raw view', () => {
    assert.equal(prettyJson(`"${'x'.repeat(MAX_PRETTY_CHARS)}"`), undefined);
    assert.equal(isJsonText(`"${'x'.repeat(MAX_PRETTY_CHARS)}"`), false);
  });

  it('tells JSON from other text', () => {
    assert.equal(isJsonText(raw), true);
    assert.equal(isJsonText('{"a":'), false);
    assert.equal(isJsonText('OK'), false);
  });
});
