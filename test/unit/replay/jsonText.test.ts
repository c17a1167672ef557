import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeJsonText } from '../../../src/core/replay/jsonText';
import { type NumberKindAt, railsJson } from '../../../src/core/replay/railsJson';

const noKinds = (): NumberKindAt => () => undefined;
const timestampIsFloat = (): NumberKindAt => (path) => (path.join('.') === 'timestamp' ? 'float' : undefined);

function encoded(text: string, indent = 0, kinds: (value: unknown) => NumberKindAt = noKinds): string {
  const result = encodeJsonText(text, kinds, indent);
  assert.ok(result.ok, result.ok ? '' : result.errors.map((error) => error.message).join('; '));
  return result.json;
}

describe('encodeJsonText', () => {
  it('keeps numbers as the user wrote them, so a float written 1714567890.0 keeps its .0', () => {
    assert.equal(encoded('{ "timestamp": 1714567890.0, "id": 48213, "time": 0.50 }'), '{"timestamp":1714567890.0,"id":48213,"time":0.50}');
  });

  it('prints a whole number at a float path as Ruby prints the float', () => {
    assert.equal(encoded('{"timestamp": 1714567890, "id": 48213}', 0, timestampIsFloat), '{"timestamp":1714567890.0,"id":48213}');
  });

  it('re-escapes strings the Rails way, whatever escapes the file used', () => {
    assert.equal(encoded('{"output": "550 <bob@example.net> \\u0026 \\u00e9 \\/"}'), '{"output":"550 \\u003cbob@example.net\\u003e \\u0026 é /"}');
  });

  it('drops comments and whitespace and keeps key order', () => {
    assert.equal(encoded('// a fixture\n{ "b": 1, /* note */ "a": [true, null] }'), '{"b":1,"a":[true,null]}');
  });

  it('lays out the same encoding readably with an indent, and compacts back to the same bytes', () => {
    const compact = '{"event":"MessageSent","timestamp":1714567890.0,"payload":{"list":[],"map":{},"s":"\\u003c"},"uuid":"u"}';
    const pretty = encoded(compact, 2);
    assert.equal(pretty, '{\n  "event": "MessageSent",\n  "timestamp": 1714567890.0,\n  "payload": {\n    "list": [],\n    "map": {},\n    "s": "\\u003c"\n  },\n  "uuid": "u"\n}');
    assert.equal(encoded(pretty), compact);
  });

  it('agrees with the object encoder on any value: compacting its layout gives its compact form', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const compact = railsJson(value);
        const pretty = railsJson(value, { indent: 2 });
        assert.equal(encoded(pretty), compact);
        assert.equal(encoded(compact, 2), pretty);
      }),
      { numRuns: 300 },
    );
  });

  it('reports where a document is not JSON', () => {
    const result = encodeJsonText('{"event": "MessageSent",, }', noKinds);
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.errors[0].offset === 24, JSON.stringify(result));
    assert.match(result.ok ? '' : result.errors[0].message, /^Not valid JSON: property name expected\.$/);
    assert.equal(encodeJsonText('   ', noKinds).ok, false);
  });
});
