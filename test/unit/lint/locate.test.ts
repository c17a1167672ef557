import * as assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { headRange, keyRange, nodeAt, valueRange } from '../../../src/core/lint/locate';

const TEXT = '{"event":"MessageSent","payload":{"message":{"id":1},"status":"Sent","status":"Held"},"list":[10,20]}';
const tree = parseTree(TEXT);
const slice = (range: { offset: number; length: number } | undefined) => (range ? TEXT.slice(range.offset, range.offset + range.length) : undefined);

describe('locate', () => {
  it('finds values by path, including array items', () => {
    assert.equal(slice(valueRange(tree, ['payload', 'message', 'id'])), '1');
    assert.equal(slice(valueRange(tree, ['list', 1])), '20');
  });

  it('picks the last of repeated keys, the one JSON.parse keeps', () => {
    assert.equal(slice(valueRange(tree, ['payload', 'status'])), '"Held"');
    assert.equal(nodeAt(tree, ['payload', 'status'])?.value, 'Held');
  });

  it('points at a key, or at the value where there is no key', () => {
    assert.equal(slice(keyRange(tree, ['payload', 'message'])), '"message"');
    assert.equal(slice(keyRange(tree, ['list', 0])), '10');
  });

  it('points at the parent key for something missing inside an object, and at the brace at the root', () => {
    assert.equal(slice(headRange(tree, ['payload', 'message'])), '"message"');
    assert.equal(slice(headRange(tree, [])), '{');
  });

  it('falls back to the nearest existing ancestor for a path that is not there', () => {
    assert.equal(slice(valueRange(tree, ['payload', 'message', 'token'])), '"message"');
    assert.equal(valueRange(undefined, ['x']), undefined);
  });
});
