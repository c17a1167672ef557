import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { $ZodObjectJIT } from 'zod/v4/core';
import { envelopeSchemas, messageSchema } from '../../../src/core/events';
import { looseObject } from '../../../src/core/events/primitives';
import { allowedValues, innerSchema, isLiteral, metaOf, objectShape, schemaKind, unwrapped, withMeta } from '../../../src/core/events/schemaReflection';

describe('schemaReflection: what the code reads from a zod schema', () => {
  it('tells integers from other numbers, also through copies with more checks', () => {
    assert.equal(schemaKind(z.int()), 'integer');
    assert.equal(schemaKind(z.int().check(z.nonnegative())), 'integer');
    assert.equal(schemaKind(withMeta(z.int(), { description: 'an id' })), 'integer');
    assert.equal(schemaKind(z.number()), 'number');
    assert.equal(schemaKind(z.number().check(z.nonnegative())), 'number');
  });

  it('names each kind of schema the event model uses', () => {
    const kinds = [z.nullable(z.string()), z.enum(['a', 'b']), z.literal('Sent'), z.string(), z.boolean(), z.looseObject({}), z.array(z.string())].map(schemaKind);
    assert.deepEqual(kinds, ['nullable', 'enum', 'literal', 'string', 'boolean', 'object', 'other']);
    assert.equal(isLiteral(z.literal('Sent')), true);
    assert.equal(isLiteral(z.string()), false);
  });

  it('unwraps nullable and optional, one level or all of them', () => {
    const inner = z.string();
    const wrapped = z.nullable(z.optional(inner));
    assert.equal(schemaKind(innerSchema(wrapped) ?? z.never()), 'other', 'one level: the optional');
    assert.equal(unwrapped(wrapped), inner);
    assert.equal(innerSchema(inner), undefined);
  });

  it('reads enum and literal values and object fields, nullable objects included', () => {
    assert.deepEqual(allowedValues(z.enum(['outgoing', 'incoming'])), ['outgoing', 'incoming']);
    assert.deepEqual(allowedValues(z.literal('Sent')), ['Sent']);
    assert.equal(allowedValues(z.string()), undefined);
    const object = z.looseObject({ id: z.int(), name: z.string() });
    assert.deepEqual(Object.keys(objectShape(z.nullable(object)) ?? {}), ['id', 'name']);
    assert.equal(objectShape(z.string()), undefined);
  });

  it('attaches metadata to a copy, which keeps what its original had except the definition id', () => {
    const original = withMeta(z.looseObject({}), { id: 'PostalThing', title: 'A thing' });
    const copy = withMeta(original, { description: 'documented here' });
    assert.notEqual(copy, original);
    assert.deepEqual(metaOf(original), { id: 'PostalThing', title: 'A thing' });
    assert.deepEqual(metaOf(copy), { title: 'A thing', description: 'documented here' });
    assert.equal(metaOf(z.string()), undefined);
  });

  it('builds event objects on the compiled object parser of zod, copies included, and they still validate', () => {
    const object = looseObject({ id: z.int() });
    for (const schema of [object, withMeta(object, { title: 'copy' }), messageSchema(), envelopeSchemas().MessageSent]) {
      assert.ok(schema instanceof $ZodObjectJIT, 'not compiled');
      assert.ok(schema instanceof z.ZodMiniObject, 'not a zod/mini object');
    }
    assert.equal(object.safeParse({ id: 1, extra: true }).success, true);
    assert.deepEqual(object.safeParse({ id: 1.5 }).error?.issues.map((issue) => [issue.code, issue.path]), [['invalid_type', ['id']]]);
  });
});
