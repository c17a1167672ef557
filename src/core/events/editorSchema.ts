import { buildJsonSchema } from './jsonSchema';

type JsonObject = Record<string, unknown>;

export const EDITOR_SCHEMA_FILE = 'schemas/postal-webhook.editor.schema.json';
export const EDITOR_SCHEMA_ID = 'urn:postal-webhooks:schema:postal-webhook:editor';

/** Keywords that only check a value: the linter reports what they would, once, at its own severity. */
const CHECKS = new Set(['required', 'pattern', 'patternErrorMessage', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'format', 'multipleOf']);

/** Keywords that check a value but also feed completion and hovers (values, their descriptions, true/false). */
const SUGGESTIONS = new Set(['type', 'enum', 'const', 'enumDescriptions', 'markdownEnumDescriptions']);

/** Keywords whose value is one schema, a list of schemas, or a map of named schemas. */
const ONE_SCHEMA = new Set(['then', 'else', 'items', 'not', 'additionalProperties']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_MAPS = new Set(['properties', 'definitions']);

/**
 * The schema VS Code's JSON language service gets for `*.postal.json`: the same fields,
 * descriptions, value suggestions and snippets as {@link buildJsonSchema}, but nothing it
 * would report. The linter reports every problem the schema knows, with a rule id, quick fixes
 * and the severity the CLI uses; the language service reporting the same ones again (an enum
 * warning beside the unknown-event error) would show each problem twice, at two severities.
 * Checks go (`required`, `pattern`, bounds); `type`, `enum` and `const` move into an `anyOf`
 * beside a schema that accepts anything, where completion still finds them and validation
 * always passes. `if` is kept as it is: it only chooses which payload's fields to suggest.
 */
export function buildEditorSchema(): JsonObject {
  const schema = suggestionsOnly(buildJsonSchema()) as JsonObject;
  return { ...schema, $id: EDITOR_SCHEMA_ID };
}

export function renderEditorSchema(): string {
  return `${JSON.stringify(buildEditorSchema(), null, 2)}\n`;
}

function suggestionsOnly(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const result: JsonObject = {};
  const suggestions: JsonObject = {};
  for (const [key, value] of Object.entries(schema as JsonObject)) {
    if (CHECKS.has(key)) continue;
    if (SUGGESTIONS.has(key)) suggestions[key] = value;
    else if (ONE_SCHEMA.has(key)) result[key] = suggestionsOnly(value);
    else if (SCHEMA_LISTS.has(key)) result[key] = (value as unknown[]).map(suggestionsOnly);
    else if (SCHEMA_MAPS.has(key)) result[key] = Object.fromEntries(Object.entries(value as JsonObject).map(([name, child]) => [name, suggestionsOnly(child)]));
    else result[key] = value; // annotations, `if`, `$ref`, snippets: as they are
  }
  if (Object.keys(suggestions).length === 0) return result;
  if (result.anyOf !== undefined) throw new Error('a schema with its own anyOf cannot take the suggestions branch');
  return { ...result, anyOf: [suggestions, true] };
}
