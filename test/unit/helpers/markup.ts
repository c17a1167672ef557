import * as assert from 'node:assert/strict';

/** Every element our pages are built of; anything else in a page came from outside. */
const OUR_TAGS = new Set(['main', 'header', 'article', 'nav', 'section', 'h1', 'h2', 'h3', 'p', 'span', 'button', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tbody', 'tr', 'th', 'td', 'div', 'pre']);
const OUR_ATTRIBUTES = /^(class|id|title|type|role|scope|hidden|aria-selected|data-[a-z]+)$/;

/**
 * Fails unless `markup` holds only our own elements and attributes, and every attribute value
 * is quoted and free of `<` and quotes of its kind: a value from a request that escaped its text
 * position would show up as a tag or attribute of its own.
 */
export function assertOnlyOurMarkup(markup: string): void {
  for (const match of markup.matchAll(/<\/?([^\s>/]*)([^>]*)>/g)) {
    const [tag, name, rest] = match;
    assert.ok(OUR_TAGS.has(name), `foreign element <${name}> in ${tag}`);
    const attributes = rest.trim();
    if (tag.startsWith('</')) assert.equal(attributes, '', `closing tag with attributes: ${tag}`);
    for (const attribute of attributes.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      assert.match(attribute[1], OUR_ATTRIBUTES, `foreign attribute ${attribute[1]} in ${tag}`);
      assert.ok(!(attribute[2] ?? '').includes('<'), `a < inside an attribute: ${tag}`);
    }
    // Anything between attributes that is not name="value" (an unquoted value, a stray quote).
    assert.equal(attributes.replace(/([^\s=]+)(?:="[^"]*")?/g, '').trim(), '', `malformed attributes in ${tag}`);
  }
  // A `<` that starts no tag must not be there at all: text is escaped.
  assert.ok(!/<(?![a-z/])/i.test(markup.replace(/<\/?[a-z0-9]+[^>]*>/gi, '')), 'an unescaped < in text');
}
