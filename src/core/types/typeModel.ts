import { EVENT_CATALOG } from '../events/catalog';
import { fieldDocOf } from '../events/documented';
import { payloadSchemas } from '../events/envelope';
import { EVENT_NAMES, type EventName } from '../events/eventNames';
import { ENVELOPE_DOCS } from '../events/fieldDocs';
import { allowedValues, innerSchema, metaOf, objectShape, type Schema, schemaKind } from '../events/schemaReflection';
import { inboundHashSchema, inboundRawSchema } from '../inbound/inboundSchemas';
import { $ZodArray, $ZodOptional } from 'zod/v4/core';

/**
 * The Postal payloads as plain data for code generators: every object the zod schemas describe
 * becomes a struct with typed, documented fields, in dependency order (a struct comes after the
 * structs it uses). Each language's renderer turns this into source code, so the types an app
 * gets, and those in the handler snippets, follow the event model and never a hand-written copy.
 */
export type TypeRef =
  | { kind: 'string' | 'integer' | 'number' | 'boolean' }
  /** A string that is one of these values (an enum, or a literal such as a delivery status). */
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'struct'; name: string }
  /** A JSON array of one type: an inbound message's `reply_to` and `attachments`. */
  | { kind: 'array'; items: TypeRef };

export interface FieldModel {
  /** The JSON key. */
  name: string;
  type: TypeRef;
  nullable: boolean;
  /**
   * Postal leaves the key out (rather than sending null) when an option is off: an inbound
   * message's `attachments` and `replies_from_plain_body`.
   */
  optional: boolean;
  /** One paragraph; code in `backticks`, as the event model writes it (no other Markdown). */
  doc: string;
}

export interface StructModel {
  name: string;
  /** One sentence as a noun phrase, starting in lower case: `a Postal message.` */
  summary: string;
  /** More sentences, or empty. */
  details: string;
  fields: FieldModel[];
}

export interface EventModel {
  event: EventName;
  /** The struct of this event's payload. */
  payload: string;
}

export interface TypeModel {
  structs: StructModel[];
  /** The webhook envelope's variants: `{event, timestamp, payload, uuid}` with each payload. */
  events: EventModel[];
  /** The struct of each other request body (see `OTHER_BODIES`). */
  bodies: Record<OtherBody, string>;
  /** What the envelope's own fields mean. */
  envelopeDocs: Record<'event' | 'timestamp' | 'payload' | 'uuid', string>;
}

/**
 * Request bodies apps receive from Postal besides the webhook envelope, rendered as structs
 * after the event payloads in every language. An entry here is all a new body needs to appear
 * in `postal-webhooks types` and in the handler snippets' types.
 */
const OTHER_BODIES = {
  inboundMessage: {
    name: 'PostalInboundMessage',
    schema: () => inboundHashSchema(),
    summary: "an e-mail Postal received, as it posts it to a route's HTTP endpoint in the Hash format.",
    details:
      'With the FormData encoding every value arrives as text (a null as a bare key, `attachments` as `attachments[0][filename]`-style keys, ' +
      "an attachment's `content_type` with its parameters): convert them to these types. Postal retries with the same `id` and `token`.",
  },
  inboundRawMessage: {
    name: 'PostalInboundRawMessage',
    schema: () => inboundRawSchema(),
    summary: "an e-mail Postal received, as it posts it to a route's HTTP endpoint in the RawMessage format: the stored message itself, in base64.",
    details: 'With the FormData encoding every value arrives as text.',
  },
} as const;
export type OtherBody = keyof typeof OTHER_BODIES;

/** The model of every payload, built from `payloadSchemas()` in `EVENT_NAMES` order. */
export function buildTypeModel(): TypeModel {
  const structs = new Map<string, StructModel>();
  const schemas = payloadSchemas();
  const events = EVENT_NAMES.map((event): EventModel => {
    const info = EVENT_CATALOG[event];
    const payload = `${event}Payload`;
    addStruct(structs, payload, { summary: `the payload of ${event}: ${lowerFirst(info.summary)}`, details: `When: ${info.whenSent}` }, schemas[event]);
    return { event, payload };
  });
  for (const body of Object.values(OTHER_BODIES)) addStruct(structs, body.name, body, body.schema());
  const envelopeDocs = {
    event: ENVELOPE_DOCS.event.doc,
    timestamp: ENVELOPE_DOCS.timestamp.doc,
    payload: ENVELOPE_DOCS.payload.doc,
    uuid: ENVELOPE_DOCS.uuid.doc,
  };
  const bodies = Object.fromEntries(Object.entries(OTHER_BODIES).map(([key, body]) => [key, body.name])) as Record<OtherBody, string>;
  return { structs: [...structs.values()], events, bodies, envelopeDocs };
}

function addStruct(structs: Map<string, StructModel>, name: string, text: { summary: string; details: string }, schema: Schema): void {
  if (structs.has(name)) return;
  const shape = objectShape(schema);
  if (shape === undefined) throw new Error(`${name} is not an object schema`);
  const fields = Object.entries(shape).map(([key, fieldSchema]) => fieldModel(structs, key, fieldSchema));
  structs.set(name, { name, summary: text.summary, details: text.details, fields });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function fieldModel(structs: Map<string, StructModel>, name: string, schema: Schema): FieldModel {
  // Generated comments keep the model's `code` but not its emphasis.
  const doc = (fieldDocOf(schema)?.doc ?? '').replace(/\*/g, '');
  const optional = schema instanceof $ZodOptional;
  const present = optional ? (innerSchema(schema) ?? schema) : schema;
  const nullable = schemaKind(present) === 'nullable';
  const inner = nullable ? (innerSchema(present) ?? present) : present;
  return { name, type: typeRef(structs, name, inner), nullable, optional, doc };
}

function typeRef(structs: Map<string, StructModel>, field: string, schema: Schema): TypeRef {
  const kind = schemaKind(schema);
  if (schema instanceof $ZodArray) return { kind: 'array', items: typeRef(structs, field, schema._zod.def.element as Schema) };
  switch (kind) {
    case 'enum':
    case 'literal': {
      const values = allowedValues(schema) ?? [];
      // `true` alone (`received_with_ssl`, `base64`) is a boolean to a type system; the docs say which.
      if (values.every((value) => typeof value === 'boolean')) return { kind: 'boolean' };
      return { kind: 'choice', values: values.map(String) };
    }
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return { kind };
    case 'object': {
      const name = schemaId(schema);
      if (name === undefined) throw new Error(`the object in '${field}' needs an id in its metadata to be named in generated types`);
      addStruct(structs, name, { summary: `a ${titleOf(schema) ?? name}.`, details: '' }, schema);
      return { kind: 'struct', name };
    }
    default:
      throw new Error(`'${field}' has a kind of schema the type generators do not know yet; add it to typeModel.ts`);
  }
}

/** The `id` in a shared object's metadata; `documented()` copies carry it on their parent. */
function schemaId(schema: Schema): string | undefined {
  for (let current: Schema | undefined = schema; current; current = current._zod.parent) {
    const id = metaOf(current)?.id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

function titleOf(schema: Schema): string | undefined {
  const title = metaOf(schema)?.title;
  return typeof title === 'string' ? title : undefined;
}
