import * as z from 'zod/mini';
import { INBOUND_CONDITION, inboundJsonSchemaParts } from '../inbound/inboundJsonSchema';
import { EVENT_CATALOG } from './catalog';
import { envelopeSchema } from './envelope';
import { EVENT_NAMES } from './eventNames';
import { ENVELOPE_DOCS, plainText } from './fieldDocs';
import { defaultSnippets } from './jsonSchemaSnippets';

type JsonObject = Record<string, unknown>;

export const JSON_SCHEMA_ID = 'urn:postal-webhooks:schema:postal-webhook';
export const JSON_SCHEMA_FILE = 'schemas/postal-webhook.schema.json';

/**
 * The JSON Schema (draft-07, what VS Code's JSON language service speaks) for Postal webhook
 * bodies and the inbound e-mail Postal posts to HTTP endpoints, generated from the zod schemas.
 * A document shaped like an endpoint payload (`if`) is checked as a Hash or a RawMessage; any
 * other (`else`) as a webhook. zod emits a `oneOf` over the ten envelopes; VS Code reports a
 * failed `oneOf` vaguely, so the envelope is rebuilt as common properties plus one
 * `if event = X then payload is definitions/X` per event, which gives precise diagnostics.
 * Unknown keys are allowed, as in zod: the linter warns about them instead.
 */
export function buildJsonSchema(): JsonObject {
  const generated = looseObjectsAsTrue(z.toJSONSchema(envelopeSchema(), { target: 'draft-07' })) as JsonObject;
  const envelopes = generated.oneOf as JsonObject[];
  const common = (envelopes[0].properties ?? {}) as Record<string, JsonObject>;
  const payloads = Object.fromEntries(
    EVENT_NAMES.map((event, index) => [event, payloadDefinition(event, envelopes[index])]),
  );
  const inbound = inboundJsonSchemaParts();
  const schema = {
    $schema: generated.$schema,
    $id: JSON_SCHEMA_ID,
    title: 'Postal webhook or inbound e-mail',
    description: 'The JSON body Postal posts to a webhook URL ({event, timestamp, payload, uuid}), or to an HTTP endpoint of a route (an inbound e-mail, Hash or RawMessage).',
    markdownDescription:
      'The JSON body Postal posts to a webhook URL: `{event, timestamp, payload, uuid}`, the shape of `payload` depending on `event`; or to an HTTP endpoint of a route: an inbound e-mail in the Hash or RawMessage format.',
    type: 'object',
    additionalProperties: true,
    if: INBOUND_CONDITION,
    then: inbound.branch,
    else: {
      required: ['event', 'timestamp', 'payload', 'uuid'],
      properties: {
        event: eventProperty(),
        timestamp: common.timestamp,
        payload: { description: plainText(ENVELOPE_DOCS.payload.doc), markdownDescription: ENVELOPE_DOCS.payload.doc },
        uuid: common.uuid,
      },
      allOf: EVENT_NAMES.map((event) => ({
        if: { properties: { event: { const: event } }, required: ['event'] },
        then: { properties: { payload: { $ref: `#/definitions/${event}` } } },
      })),
    },
    defaultSnippets: defaultSnippets(),
    definitions: { ...(generated.definitions as JsonObject), ...payloads, ...looseObjectsAsTrue(inbound.definitions) as JsonObject },
  };
  return schema;
}

/** The generated file's text: two-space JSON with a final newline. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}

function eventProperty(): JsonObject {
  const events = EVENT_NAMES.map((event) => EVENT_CATALOG[event]);
  return {
    description: plainText(ENVELOPE_DOCS.event.doc),
    markdownDescription: ENVELOPE_DOCS.event.doc,
    type: 'string',
    enum: [...EVENT_NAMES],
    enumDescriptions: events.map((info) => info.summary),
    markdownEnumDescriptions: events.map(
      (info) => `${info.summary}\n\n*When:* ${info.whenSent}\n\n*Postal versions:* ${info.postalVersions}`,
    ),
  };
}

function payloadDefinition(event: string, envelope: JsonObject): JsonObject {
  const properties = envelope.properties as Record<string, JsonObject>;
  const eventConst = properties.event.const;
  if (eventConst !== event) throw new Error(`zod emitted ${String(eventConst)} where ${event} was expected`);
  const { description: _description, markdownDescription: _markdown, ...payload } = properties.payload;
  const info = EVENT_CATALOG[event as keyof typeof EVENT_CATALOG];
  return {
    title: `${event} payload`,
    description: info.summary,
    markdownDescription: `**${event}**: ${info.summary}\n\n*When:* ${info.whenSent}`,
    ...payload,
  };
}

/** zod writes "any extra key is fine" as `additionalProperties: {}`; `true` says it plainly. */
function looseObjectsAsTrue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(looseObjectsAsTrue);
  if (value === null || typeof value !== 'object') return value;
  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const isEmptySchema = key === 'additionalProperties' && isEmptyObject(child);
    result[key] = isEmptySchema ? true : looseObjectsAsTrue(child);
  }
  return result;
}

function isEmptyObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}
