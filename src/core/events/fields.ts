import * as z from 'zod';
import { type JsonPath } from '../jsonValue';
import { ENVELOPE_SCHEMAS, PAYLOAD_SCHEMAS } from './envelope';
import { type EventName, mapEvents } from './eventNames';
import { messageSchema } from './message';
import { typeNotation } from './schemaText';
import { serverSchema } from './server';

export const ENVELOPE_KEYS = Object.keys(ENVELOPE_SCHEMAS.MessageSent.shape) as readonly string[];
export const MESSAGE_KEYS = Object.keys(messageSchema.shape) as readonly string[];
export const SERVER_KEYS = Object.keys(serverSchema.shape) as readonly string[];
/** Each event's payload keys, in Postal's (v3) order. */
export const PAYLOAD_KEYS: Readonly<Record<EventName, readonly string[]>> = mapEvents((event) =>
  Object.keys(PAYLOAD_SCHEMAS[event].shape),
);

/** The schema of the field at `path` in an `event` envelope, or undefined if Postal has no such field. */
export function schemaAt(event: EventName, path: JsonPath): z.ZodType | undefined {
  let schema: z.ZodType | undefined = ENVELOPE_SCHEMAS[event];
  for (const segment of path) {
    const object = unwrapNullable(schema);
    if (!(object instanceof z.ZodObject) || typeof segment !== 'string') return undefined;
    const shape = object.shape as Record<string, z.ZodType>;
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
  const object = unwrapNullable(schemaAt(event, path));
  return object instanceof z.ZodObject ? Object.keys(object.shape) : undefined;
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
  const meta = schema?.meta();
  if (!schema || typeof meta?.description !== 'string') return undefined;
  const markdown = typeof meta.markdownDescription === 'string' ? meta.markdownDescription : meta.description;
  return { description: meta.description, markdownDescription: markdown, type: typeNotation(schema) };
}

function unwrapNullable(schema: z.ZodType | undefined): z.ZodType | undefined {
  return schema instanceof z.ZodNullable ? (schema.unwrap() as z.ZodType) : schema;
}
