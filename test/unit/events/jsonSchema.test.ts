import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CATALOG, EVENT_NAMES, sampleEnvelope, validateEnvelope } from '../../../src/core/events';
import { buildEditorSchema, buildJsonSchema, EDITOR_SCHEMA_FILE, JSON_SCHEMA_FILE, renderEditorSchema, renderJsonSchema } from '../../../src/core/events/jsonSchemaFiles';
import { inboundHashSample, inboundRawSample } from '../../../src/core/inbound/inboundSamples';
import { ALL_FIXTURES, type Json, REPO_ROOT } from './eventFixtures';
import { compileShippedSchema, SHIPPED_SCHEMA_TEXT } from './shippedSchema';


/** Every `properties` entry outside `if`/`then` (those only route to the payload definitions). */
function* fields(node: unknown, path = '#'): Generator<[string, Json]> {
  if (node === null || typeof node !== 'object') return;
  for (const [key, child] of Object.entries(node)) {
    if (key === 'if' || key === 'then' || key === 'defaultSnippets') continue;
    if (key === 'properties') {
      for (const [name, field] of Object.entries(child as Json)) yield [`${path}/properties/${name}`, field as Json];
    }
    yield* fields(child, `${path}/${key}`);
  }
}

/** Turns a snippet body back into plain JSON: `${1:x}` becomes x, `^${1:7}` becomes 7. */
function expandSnippet(body: unknown): unknown {
  if (typeof body === 'string') {
    const stop = /^(\^)?\$\{\d+:(.*)\}$/.exec(body);
    if (!stop) return body;
    return stop[1] ? JSON.parse(stop[2]) : stop[2];
  }
  if (body === null || typeof body !== 'object') return body;
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, expandSnippet(value)]));
}

describe('generated JSON Schema', () => {
  const schema = buildJsonSchema() as Json;

  it('matches the committed file byte for byte', () => {
    const fresh = renderJsonSchema();
    assert.ok(
      fresh === SHIPPED_SCHEMA_TEXT,
      `${JSON_SCHEMA_FILE} is out of date with the zod schemas in src/core/events. Run \`npm run generate:schema\` and commit the result.`,
    );
  });

  it('compiles as draft-07 in strict Ajv without a single warning', () => {
    const { warnings } = compileShippedSchema();
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(warnings, []);
  });

  it('accepts every fixture, like zod does', () => {
    const { validate } = compileShippedSchema();
    for (const fixture of ALL_FIXTURES) assert.equal(validate(fixture.value), true, `${fixture.file}: ${JSON.stringify(validate.errors)}`);
  });

  it('gives every field a description and a Markdown description', () => {
    const seen: string[] = [];
    for (const [where, field] of fields(schema)) {
      seen.push(where);
      assert.equal(typeof field.description, 'string', `${where} has no description`);
      assert.ok(field.description.length > 10, where);
      assert.equal(typeof field.markdownDescription, 'string', `${where} has no markdownDescription`);
    }
    assert.ok(seen.length > 50, `only ${seen.length} fields found`);
  });

  it('describes each value of every enum, in both plain text and Markdown', () => {
    let enums = 0;
    for (const [where, field] of fields(schema)) {
      if (!Array.isArray(field.enum)) continue;
      enums++;
      assert.equal(field.enumDescriptions?.length, field.enum.length, where);
      assert.equal(field.markdownEnumDescriptions?.length, field.enum.length, where);
      for (const text of field.enumDescriptions) assert.ok(text.length > 5, `${where}: an enum value has no description`);
    }
    assert.ok(enums >= 7, `only ${enums} enums found`);
  });

  it('routes each event to its own payload definition with an if/then, instead of a vague oneOf', () => {
    assert.equal(schema.oneOf, undefined);
    assert.deepEqual(schema.else.properties.event.enum, [...EVENT_NAMES]);
    assert.deepEqual(
      schema.else.allOf.map((entry: Json) => [entry.if.properties.event.const, entry.then.properties.payload.$ref]),
      EVENT_NAMES.map((event) => [event, `#/definitions/${event}`]),
    );
    for (const event of EVENT_NAMES) assert.equal(schema.definitions[event].type, 'object', event);
  });

  it('checks an inbound e-mail payload as a Hash or a RawMessage, and anything else as a webhook', () => {
    const { validate } = compileShippedSchema();
    assert.equal(validate(inboundHashSample()), true, JSON.stringify(validate.errors));
    assert.equal(validate(inboundRawSample()), true, JSON.stringify(validate.errors));
    assert.equal(schema.then.then.$ref, '#/definitions/PostalInboundRawMessage');
    assert.equal(schema.then.else.$ref, '#/definitions/PostalInboundMessage');
    const refused = (value: Json): string[] => (validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.keyword}`));
    assert.ok(refused({ ...inboundHashSample(), size: 1282 }).includes('/size type'));
    assert.ok(refused({ ...inboundHashSample(), received_with_ssl: false }).some((error) => error.startsWith('/received_with_ssl')));
    assert.ok(refused({ ...inboundHashSample(), reply_to: 'a@b' }).some((error) => error.startsWith('/reply_to')));
    assert.ok(refused({ ...inboundRawSample(), size: '300' }).includes('/size type'));
    assert.ok(refused({ ...inboundRawSample(), message: 'SGVsbG8=' }).includes('/message pattern'));
    // A webhook that happens to carry rcpt_to is still a webhook.
    assert.ok(refused({ event: 'MessageSent', rcpt_to: 'a@b', token: 'x' }).some((error) => error.endsWith('required')));
  });

  it('allows unknown keys everywhere, as zod does', () => {
    for (const [name, definition] of Object.entries(schema.definitions as Record<string, Json>)) {
      assert.equal(definition.additionalProperties, true, name);
    }
    assert.equal(schema.additionalProperties, true);
  });

  it('offers one snippet per event whose body, once its tab stops are filled, is a valid envelope', () => {
    const { validate } = compileShippedSchema();
    assert.deepEqual(schema.defaultSnippets.map((snippet: Json) => snippet.label), [...EVENT_NAMES]);
    for (const snippet of schema.defaultSnippets as Json[]) {
      assert.equal(snippet.description, EVENT_CATALOG[snippet.label as keyof typeof EVENT_CATALOG].summary);
      assert.match(JSON.stringify(snippet.body), /\$\{1:/, `${snippet.label} has no tab stop`);
      const body = expandSnippet(snippet.body);
      assert.deepEqual(body, sampleEnvelope(snippet.label, 'default', { seed: 1042, now: 1714567890 }));
      assert.equal(validateEnvelope(body).ok, true, snippet.label);
      assert.equal(validate(body), true, snippet.label);
    }
  });

  it('is contributed for *.postal.json files, which VS Code opens as JSON', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Json;
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: ['*.postal.json'], url: `./${EDITOR_SCHEMA_FILE}` }]);
    assert.ok(manifest.contributes.languages.some((entry: Json) => entry.id === 'json' && entry.extensions.includes('.postal.json')));
    assert.ok(manifest.scripts['generate:schema'], 'npm run generate:schema is missing');
  });
});

describe('the schema the editor gets', () => {
  const editor = buildEditorSchema() as Json;
  const CHECKS = ['required', 'pattern', 'minimum', 'maximum', 'type', 'enum', 'const'];

  /** Where a keyword that makes VS Code report a problem is left, outside `if` and the suggestion branches. */
  function checksLeft(node: unknown, path = '#'): string[] {
    if (node === null || typeof node !== 'object') return [];
    if (Array.isArray(node)) return node.flatMap((child, index) => checksLeft(child, `${path}/${index}`));
    return Object.entries(node).flatMap(([key, child]) => {
      if (key === 'if' || key === 'defaultSnippets') return [];
      // `anyOf: [suggestions, true]`: the first branch may check, the second accepts anything.
      if (key === 'anyOf' && Array.isArray(child) && child.length === 2 && child[1] === true) return [];
      if (key === 'properties' || key === 'definitions') return Object.entries(child as Json).flatMap(([name, field]) => checksLeft(field, `${path}/${key}/${name}`));
      return [...(CHECKS.includes(key) ? [`${path}/${key}`] : []), ...checksLeft(child, `${path}/${key}`)];
    });
  }

  it('matches the committed file byte for byte', () => {
    assert.ok(readFileSync(join(REPO_ROOT, EDITOR_SCHEMA_FILE), 'utf8') === renderEditorSchema(), `${EDITOR_SCHEMA_FILE} is out of date: run \`npm run generate:schema\`.`);
  });

  it('checks nothing, so the linter alone reports problems', () => {
    assert.deepEqual(checksLeft(editor), []);
    assert.ok(checksLeft(buildJsonSchema()).length > 50, 'the walk finds the checks of the full schema');
  });

  it('keeps every field, description, value suggestion and snippet of the full schema', () => {
    const full = buildJsonSchema() as Json;
    assert.deepEqual(Object.keys(editor.definitions).sort(), Object.keys(full.definitions).sort());
    assert.deepEqual(editor.defaultSnippets, full.defaultSnippets);
    assert.equal(editor.else.properties.event.description, full.else.properties.event.description);
    assert.deepEqual(editor.else.properties.event.anyOf[0].enum, [...EVENT_NAMES]);
    assert.deepEqual(editor.else.properties.event.anyOf[0].markdownEnumDescriptions, full.else.properties.event.markdownEnumDescriptions);
    assert.deepEqual(editor.if, full.if, 'webhooks and inbound e-mail are told apart as before');
    assert.deepEqual(editor.else.allOf.map((entry: Json) => entry.if), full.else.allOf.map((entry: Json) => entry.if));
    for (const [where, field] of fields(editor)) assert.equal(typeof field.description, 'string', where);
  });
});
