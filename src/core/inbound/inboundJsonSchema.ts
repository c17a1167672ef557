import * as z from 'zod/mini';
import { HASH_MARKERS } from './inboundFormat';
import { inboundHashSchema, inboundRawSchema } from './inboundSchemas';

type JsonObject = Record<string, unknown>;

/** A document that is an endpoint payload, not a webhook: the JSON Schema form of `recogniseInbound`. */
export const INBOUND_CONDITION: JsonObject = {
  not: has('event'),
  anyOf: [rawCondition(), ...HASH_MARKERS.map((marker) => has('rcpt_to', marker))],
};

/** `{required: keys}`, with the keys also under `properties` (as any schema), as strict validators want. */
function has(...keys: string[]): JsonObject {
  return { properties: Object.fromEntries(keys.map((key) => [key, {}])), required: keys };
}

function rawCondition(): JsonObject {
  return { ...has('message', 'base64'), anyOf: [{ properties: { base64: { const: true } } }, has('rcpt_to')] };
}

/**
 * The JSON Schema of both endpoint formats for the generated schema file: their definitions
 * (`PostalInboundMessage`, its `PostalInboundAttachment`, `PostalInboundRawMessage`), and the
 * branch that sends a document to the RawMessage or the Hash definition.
 */
export function inboundJsonSchemaParts(): { definitions: JsonObject; branch: JsonObject } {
  const definitions: JsonObject = {};
  for (const schema of [inboundHashSchema(), inboundRawSchema()]) Object.assign(definitions, z.toJSONSchema(schema, { target: 'draft-07' }).definitions);
  return {
    definitions,
    branch: { if: rawCondition(), then: { $ref: '#/definitions/PostalInboundRawMessage' }, else: { $ref: '#/definitions/PostalInboundMessage' } },
  };
}
