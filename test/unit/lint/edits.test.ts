import * as assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { applyEdits, removeProperty } from '../../../src/core/lint/edits';
import { insertProperty } from '../../../src/core/lint/insertProperty';
import { lastProperty, nodeAt } from '../../../src/core/lint/locate';

function remove(text: string, path: string[], key: string): string {
  const object = nodeAt(parseTree(text), path);
  const property = object && lastProperty(object, key);
  assert.ok(property);
  return applyEdits(text, [removeProperty(text, property)]);
}

function insert(text: string, path: string[], key: string, value: unknown, order: string[]): string {
  const object = nodeAt(parseTree(text), path);
  assert.ok(object);
  return applyEdits(text, [insertProperty(text, object, key, value, order)]);
}

describe('edits', () => {
  it('applies edits in offset order and rejects overlapping ones', () => {
    assert.equal(applyEdits('abcdef', [{ offset: 4, length: 1, newText: 'E' }, { offset: 0, length: 2, newText: '' }]), 'cdEf');
    assert.throws(() => applyEdits('abc', [{ offset: 0, length: 2, newText: '' }, { offset: 1, length: 1, newText: '' }]));
  });

  it('removes a property with its comma, first, middle, last or only', () => {
    const pretty = '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}';
    assert.equal(remove(pretty, [], 'a'), '{\n  "b": 2,\n  "c": 3\n}');
    assert.equal(remove(pretty, [], 'b'), '{\n  "a": 1,\n  "c": 3\n}');
    assert.equal(remove(pretty, [], 'c'), '{\n  "a": 1,\n  "b": 2\n}');
    assert.equal(remove('{"x":{ "only": true }}', ['x'], 'only'), '{"x":{}}');
  });

  it('inserts at Postal key order position in a pretty document, with its indentation', () => {
    const text = '{\n  "message": {\n    "id": 1,\n    "direction": "outgoing"\n  }\n}';
    const order = ['id', 'token', 'direction', 'message_id'];
    assert.equal(insert(text, ['message'], 'token', 'abc', order), '{\n  "message": {\n    "id": 1,\n    "token": "abc",\n    "direction": "outgoing"\n  }\n}');
    assert.equal(
      insert(text, ['message'], 'message_id', null, order),
      '{\n  "message": {\n    "id": 1,\n    "direction": "outgoing",\n    "message_id": null\n  }\n}',
    );
  });

  it('inserts nested values indented one level deeper, using the document indentation unit', () => {
    const text = '{\n\t"event": "MessageLoaded"\n}';
    assert.equal(insert(text, [], 'payload', { a: [1] }, ['event', 'payload']), '{\n\t"event": "MessageLoaded",\n\t"payload": {\n\t\t"a": [\n\t\t\t1\n\t\t]\n\t}\n}');
  });

  it('keeps a compact line compact, as JSONL needs', () => {
    assert.equal(insert('{"id":1,"to":"x"}', [], 'token', 'T', ['id', 'token', 'to']), '{"id":1,"token":"T","to":"x"}');
    assert.equal(insert('{"a": 1, "b": 2}', [], 'c', { d: 1 }, []), '{"a": 1, "b": 2, "c": {"d": 1}}');
    assert.equal(insert('{}', [], 'a', 1, []), '{"a":1}');
  });

  it('fills an empty multi-line object', () => {
    assert.equal(insert('{\n  "server": {}\n}', ['server'], 'uuid', 'u', []), '{\n  "server": {\n    "uuid": "u"\n  }\n}');
  });
});
