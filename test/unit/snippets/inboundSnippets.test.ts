import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recogniseInbound, validateInbound } from '../../../src/core/inbound';
import { lintDocument } from '../../../src/core/lint';
import { EVENT_SNIPPETS_FILE } from '../../../src/core/snippets/snippetFiles';
import { expandSnippet } from '../helpers/expandSnippet';
import { REPO_ROOT } from '../helpers/fixtures';

type SnippetFile = Record<string, { prefix: string; description: string; body: string[] }>;
const file = JSON.parse(readFileSync(join(REPO_ROOT, EVENT_SNIPPETS_FILE), 'utf8')) as SnippetFile;
const inbound = Object.values(file).filter((snippet) => snippet.prefix.startsWith('postal-inbound-'));
const now = (): string => String(Math.floor(Date.now() / 1000));

function expanded(prefix: string): Record<string, unknown> {
  const snippet = inbound.find((entry) => entry.prefix === prefix);
  assert.ok(snippet, `${prefix} is missing`);
  return JSON.parse(expandSnippet(snippet.body, { CURRENT_SECONDS_UNIX: now() })) as Record<string, unknown>;
}

describe('inbound e-mail payload snippets', () => {
  it('exist for the Hash format with and without attachments, with stripped replies, and for the RawMessage format', () => {
    assert.deepEqual(inbound.map((snippet) => snippet.prefix).sort(), ['postal-inbound-hash', 'postal-inbound-hash-no-attachments', 'postal-inbound-hash-strip-replies', 'postal-inbound-raw']);
  });

  for (const snippet of inbound) {
    it(`${snippet.prefix} expands to an endpoint payload that lints clean, with the current time and tab stops`, () => {
      const values = { CURRENT_SECONDS_UNIX: now() };
      const text = expandSnippet(snippet.body, values);
      const value = JSON.parse(text) as Record<string, unknown>;
      const format = recogniseInbound(value);
      assert.equal(format, snippet.prefix === 'postal-inbound-raw' ? 'raw' : 'hash');
      const validation = validateInbound(value, format);
      assert.ok(validation.ok, validation.ok ? '' : validation.issues.map((issue) => issue.message).join('; '));
      assert.deepEqual(lintDocument(text).map((issue) => `${issue.rule}: ${issue.message}`), [], snippet.prefix);
      if (format === 'hash') assert.equal(Math.floor(value.timestamp as number), Number(values.CURRENT_SECONDS_UNIX), 'the timestamp is not the current time');
      assert.match(snippet.body.join('\n'), /\$\{1:/, 'no tab stop');
    });
  }

  it('show what each endpoint option changes', () => {
    const hash = expanded('postal-inbound-hash');
    const bare = expanded('postal-inbound-hash-no-attachments');
    const stripped = expanded('postal-inbound-hash-strip-replies');
    assert.equal((hash.attachments as unknown[]).length, 1);
    assert.equal('attachments' in bare, false);
    assert.equal(bare.attachment_quantity, 1, 'attachment_quantity still counts the attachment');
    assert.equal('replies_from_plain_body' in hash, false);
    assert.match(stripped.replies_from_plain_body as string, /^On Mon, 29 Apr 2024 at 09:00, Example Shop <orders@example.com> wrote:\n> Your order #1234 has shipped\.$/);
    assert.equal(stripped.plain_body, 'Thanks, the parcel arrived safely. Café & co.');
    assert.equal(typeof expanded('postal-inbound-raw').size, 'number');
  });
});
