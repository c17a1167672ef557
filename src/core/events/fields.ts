import { type JsonPath } from '../jsonValue';
import { onFirstUse } from '../onFirstUse';
import { envelopeSchemas, payloadSchemas } from './envelope';
import { type EventName, mapEvents } from './eventNames';
import { messageSchema } from './message';
import { metaOf, objectShape, type Schema } from './schemaReflection';
import { typeNotation } from './schemaText';
import { serverSchema } from './server';

/** The keys of a `message` object, in Postal's order. */
export const messageKeys = onFirstUse((): readonly string[] => Object.keys(messageSchema().shape));
/** The keys of a `server` object, in Postal's order. */
export const serverKeys = onFirstUse((): readonly string[] => Object.keys(serverSchema().shape));
/** Each event's payload keys, in Postal's (v3) order. */
export const payloadKeys = onFirstUse((): Readonly<Record<EventName, readonly string[]>> =>
  mapEvents((event) => Object.keys(payloadSchemas()[event].shape)),
);

/** The schema of the field at `path` in an `event` envelope, or undefined if Postal has no such field. */
export function schemaAt(event: EventName, path: JsonPath): Schema | undefined {
  let schema: Schema | undefined = envelopeSchemas()[event];
  for (const segment of path) {
    const shape = objectShape(schema);
    if (!shape || typeof segment !== 'string') return undefined;
    schema = Object.hasOwn(shape, segment) ? shape[segment] : undefined;
  }
  return schema;
}

/**
 * The keys Postal sends in the object at `path` of an `event` envelope (`[]` is the envelope,
 * `['payload']` the payload, `['payload', 'message']` its message), or undefined when the path
 * is not an object Postal sends. The linter reports any other key as unknown.
 */
export function knownKeysAt(event: EventName, path: JsonPath): readonly string[] | undefined {
  const shape = objectShape(schemaAt(event, path));
  return shape ? Object.keys(shape) : undefined;
}

export interface FieldInfo {
  /** Plain-text description. */
  readonly description: string;
  /** Markdown description, ending with the field's type. */
  readonly markdownDescription: string;
  /** The type in TypeScript-like notation, e.g. `string | null`. */
  readonly type: string;
}

/** Documentation of the field at `path` of an `event` envelope, for hovers and tooltips. */
export function fieldInfoAt(event: EventName, path: JsonPath): FieldInfo | undefined {
  const schema = schemaAt(event, path);
  const meta = schema && metaOf(schema);
  if (!schema || typeof meta?.description !== 'string') return undefined;
  const markdown = typeof meta.markdownDescription === 'string' ? meta.markdownDescription : meta.description;
  return { description: meta.description, markdownDescription: markdown, type: typeNotation(schema) };
}
