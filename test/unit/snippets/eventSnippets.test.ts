import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_NAMES, listVariants, validateEnvelope } from '../../../src/core/events';
import { lintDocument } from '../../../src/core/lint';
import { eventSnippetPrefix } from '../../../src/core/snippets/eventSnippets';
import { EVENT_SNIPPETS_FILE } from '../../../src/core/snippets/snippetFiles';
import { expandSnippet } from '../helpers/expandSnippet';

const REPO_ROOT = join(__dirname, '../../../..');
type SnippetFile = Record<string, { prefix: string; description: string; body: string[] }>;
/** The webhook snippets of the file; the inbound e-mail ones (`postal-inbound-…`) have their own tests. */
const snippets = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(join(REPO_ROOT, EVENT_SNIPPETS_FILE), 'utf8')) as SnippetFile).filter(([, snippet]) => !snippet.prefix.startsWith('postal-inbound-')),
);
/** The variables VS Code 1.100 fills in that the snippets may use. */
const variables = (): Record<string, string> => ({ UUID: randomUUID(), CURRENT_SECONDS_UNIX: String(Math.floor(Date.now() / 1000)) });

describe('JSON payload snippets', () => {
  it('exist for every event and every sample variant of the catalog, with the documented prefixes', () => {
    const prefixes = Object.values(snippets).map((snippet) => snippet.prefix).sort();
    assert.deepEqual(prefixes, listVariants().map((variant) => eventSnippetPrefix(variant.event, variant.name)).sort());
    assert.ok(prefixes.includes('postal-MessageSent'));
    assert.ok(prefixes.includes('postal-MessageSent-incoming-http'));
    for (const event of EVENT_NAMES) assert.ok(prefixes.includes(`postal-${event}`), event);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${snippet.prefix} expands to an envelope that lints clean`, () => {
      const values = variables();
      const text = expandSnippet(snippet.body, values);
      const envelope = JSON.parse(text) as { uuid: string; timestamp: number };
      const validation = validateEnvelope(envelope);
      assert.ok(validation.ok, `${name}: ${validation.ok ? '' : validation.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      assert.deepEqual(lintDocument(text).map((issue) => `${issue.rule}: ${issue.message}`), [], name);
      assert.equal(envelope.uuid, values.UUID, 'the uuid is not fresh');
      assert.equal(Math.floor(envelope.timestamp), Number(values.CURRENT_SECONDS_UNIX), 'the timestamp is not the current time');
      assert.match(snippet.body.join('\n'), /\$\{1:/, 'no tab stop');
    });
  }
});
