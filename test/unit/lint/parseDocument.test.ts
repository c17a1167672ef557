import * as assert from 'node:assert/strict';
import { MAX_NESTING_DEPTH, parseDocument } from '../../../src/core/lint/parseDocument';
import { countKeysInText, countValueKeys, nestingDepth } from '../../../src/core/lint/structure';

describe('parseDocument', () => {
  it('takes the JSON.parse fast path for well-formed text and builds the tree only when asked', () => {
    const doc = parseDocument('{"event":"MessageSent","payload":{"status":"Sent"}}');
    assert.equal(doc.wellFormed, true);
    assert.deepEqual(doc.value, { event: 'MessageSent', payload: { status: 'Sent' } });
    assert.equal(doc.mayHaveDuplicateKeys, false);
    assert.equal(doc.tree()?.type, 'object');
    assert.equal(doc.tree(), doc.tree());
  });

  it('flags possible duplicates when the text has more keys than the parsed value', () => {
    assert.equal(parseDocument('{"a":1,"b":{"c":1,"c":2}}').mayHaveDuplicateKeys, true);
    assert.equal(parseDocument('{"a":"x\\":","b":[{"c":"\\\\"}]}').mayHaveDuplicateKeys, false);
  });

  it('recovers a value and the errors from broken text', () => {
    const doc = parseDocument('{"event": "MessageSent",}');
    assert.equal(doc.wellFormed, false);
    assert.ok(doc.syntaxErrors.length > 0);
    assert.equal((doc.value as { event: string }).event, 'MessageSent');
  });

  it('refuses to build a tree for text nested deeper than any Postal body', () => {
    const deep = '['.repeat(MAX_NESTING_DEPTH + 1) + ']'.repeat(MAX_NESTING_DEPTH + 1);
    assert.equal(parseDocument(deep).tooDeep, MAX_NESTING_DEPTH + 1);
    assert.equal(parseDocument(deep.slice(0, -1)).tooDeep, MAX_NESTING_DEPTH + 1);
    assert.equal(parseDocument('['.repeat(100_000)).tooDeep, 100_000);
    assert.equal(parseDocument(deep).tree(), undefined);
  });

  it('gives an empty document no value and an error', () => {
    const doc = parseDocument('  ');
    assert.equal(doc.value, undefined);
    assert.equal(doc.syntaxErrors.length, 1);
  });
});

describe('structure scans', () => {
  it('counts keys, not string values that contain quotes or colons', () => {
    assert.equal(countKeysInText('{"a" : "b\\":", "c":["d\\\\", {"e":1}]}'), 3);
  });

  it('counts nesting the way jsonc-parser reads strings (a line break ends one)', () => {
    assert.equal(nestingDepth('{"a":"[[[", "b":[[1]]}'), 3);
    assert.equal(nestingDepth('{"a":"unterminated\n[[[[ ]]]]}'), 5);
  });

  it('counts the keys of a parsed value, giving up past the depth limit', () => {
    assert.equal(countValueKeys({ a: 1, b: [{ c: 2 }, { d: { e: null } }] }, 64), 5);
    assert.equal(countValueKeys([[[1]]], 3), 0);
    assert.equal(countValueKeys([[[[1]]]], 3), undefined);
  });
});
