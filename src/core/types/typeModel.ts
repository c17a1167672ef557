import * as z from 'zod';
import { EVENT_CATALOG } from '../events/catalog';
import { fieldDocOf } from '../events/documented';
import { PAYLOAD_SCHEMAS } from '../events/envelope';
import { EVENT_NAMES, type EventName } from '../events/eventNames';
import { ENVELOPE_DOCS } from '../events/fieldDocs';

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
  | { kind: 'struct'; name: string };

export interface FieldModel {
  /** The JSON key. */
  name: string;
  type: TypeRef;
  nullable: boolean;
  /** One paragraph; code in `backticks`, as the event model writes it. */
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
  /** What the envelope's own fields mean. */
  envelopeDocs: Record<'event' | 'timestamp' | 'payload' | 'uuid', string>;
}

/**
 * Request bodies apps receive from Postal besides the webhook envelope, rendered as structs
 * after the event payloads in every language. An entry here is all a new body needs to appear
 * in `postal-webhooks types` and in the handler snippets' types.
 */
const OTHER_BODIES: readonly { name: string; schema: z.ZodObject; summary: string; details: string }[] = [];

/** The model of every payload, built from `PAYLOAD_SCHEMAS` in `EVENT_NAMES` order. */
export function buildTypeModel(): TypeModel {
  const structs = new Map<string, StructModel>();
  const events = EVENT_NAMES.map((event): EventModel => {
    const info = EVENT_CATALOG[event];
    const payload = `${event}Payload`;
    addStruct(structs, payload, { summary: `the payload of ${event}: ${lowerFirst(info.summary)}`, details: `When: ${info.whenSent}` }, PAYLOAD_SCHEMAS[event]);
    return { event, payload };
  });
  for (const body of OTHER_BODIES) addStruct(structs, body.name, body, body.schema);
  const envelopeDocs = {
    event: ENVELOPE_DOCS.event.doc,
    timestamp: ENVELOPE_DOCS.timestamp.doc,
    payload: ENVELOPE_DOCS.payload.doc,
    uuid: ENVELOPE_DOCS.uuid.doc,
  };
  return { structs: [...structs.values()], events, envelopeDocs };
}

function addStruct(structs: Map<string, StructModel>, name: string, text: { summary: string; details: string }, schema: z.ZodObject): void {
  if (structs.has(name)) return;
  const fields = Object.entries(schema.shape).map(([key, fieldSchema]) => fieldModel(structs, key, fieldSchema as z.ZodType));
  structs.set(name, { name, summary: text.summary, details: text.details, fields });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function fieldModel(structs: Map<string, StructModel>, name: string, schema: z.ZodType): FieldModel {
  const doc = fieldDocOf(schema)?.doc ?? '';
  const nullable = schema instanceof z.ZodNullable;
  const inner = nullable ? (schema.unwrap() as z.ZodType) : schema;
  return { name, type: typeRef(structs, name, inner), nullable, doc };
}

function typeRef(structs: Map<string, StructModel>, field: string, schema: z.ZodType): TypeRef {
  if (schema instanceof z.ZodEnum) return { kind: 'choice', values: schema.options.map(String) };
  if (schema instanceof z.ZodLiteral) return { kind: 'choice', values: [...schema.values].map(String) };
  if (schema instanceof z.ZodString) return { kind: 'string' };
  if (schema instanceof z.ZodNumber) return { kind: schema.isInt ? 'integer' : 'number' };
  if (schema instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (schema instanceof z.ZodObject) {
    const name = schemaId(schema);
    if (name === undefined) throw new Error(`the object in '${field}' needs a .meta({ id }) to be named in generated types`);
    addStruct(structs, name, { summary: `a ${titleOf(schema) ?? name}.`, details: '' }, schema);
    return { kind: 'struct', name };
  }
  throw new Error(`'${field}' has a kind of schema the type generators do not know yet; add it to typeModel.ts`);
}

/** The `.meta({ id })` of a shared object; `documented()` copies carry it on their parent. */
function schemaId(schema: z.ZodType): string | undefined {
  for (let current: z.ZodType | undefined = schema; current; current = current._zod.parent as z.ZodType | undefined) {
    const id = z.globalRegistry.get(current)?.id;
    if (id !== undefined) return id;
  }
  return undefined;
}

function titleOf(schema: z.ZodType): string | undefined {
  return (z.globalRegistry.get(schema) as { title?: string } | undefined)?.title;
}
