import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type IGrammar } from 'vscode-textmate';
import { sampleEnvelope } from '../../../src/core/events';
import { formatRecordLine } from '../../../src/core/listener';
import { type WebhookRecord } from '../../../src/core/store';
import {
  buildJsonInjectionGrammar, buildLogInjectionGrammar, JSON_INJECTION_FILE, JSON_INJECTION_SCOPE, LOG_INJECTION_FILE, LOG_INJECTION_SCOPE, renderGrammar,
} from '../../../src/core/syntaxes';
import { createRegistry, scopesOf, tokenize } from './textMateHarness';

const REPO = join(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] };
};
const contributed = Object.fromEntries(manifest.contributes.grammars.map((entry) => [entry.scopeName, { path: entry.path, injectTo: entry.injectTo }]));
const registry = createRegistry(contributed);

async function grammarFor(scope: string): Promise<IGrammar> {
  const grammar = await registry.loadGrammar(scope);
  assert.ok(grammar, `no grammar for ${scope}`);
  return grammar;
}

describe('TextMate grammars in syntaxes/', () => {
  it('are the committed output of the generator (run `npm run generate:grammars` when this fails)', () => {
    assert.equal(readFileSync(join(REPO, JSON_INJECTION_FILE), 'utf8'), renderGrammar(buildJsonInjectionGrammar()), 'run `npm run generate:grammars`');
    assert.equal(readFileSync(join(REPO, LOG_INJECTION_FILE), 'utf8'), renderGrammar(buildLogInjectionGrammar()), 'run `npm run generate:grammars`');
  });

  it('are contributed as injections into VS Code\'s JSON, JSONC, JSON Lines and log grammars', () => {
    assert.deepEqual(contributed[JSON_INJECTION_SCOPE], { path: `./${JSON_INJECTION_FILE}`, injectTo: ['source.json', 'source.json.comments', 'source.json.lines'] });
    assert.deepEqual(contributed[LOG_INJECTION_SCOPE], { path: `./${LOG_INJECTION_FILE}`, injectTo: ['text.log'] });
  });
});

describe('Postal names in JSON payload files', () => {
  const pretty = JSON.stringify(sampleEnvelope('MessageSent', 'default', { seed: 1, now: 1_714_567_890 }), null, 2);

  it('marks the event name and the delivery status where they are values', async () => {
    const lines = tokenize(await grammarFor('source.json'), pretty);
    assert.ok(scopesOf(lines, 'MessageSent').includes('entity.name.type.event.postal'));
    assert.ok(scopesOf(lines, 'Sent').includes('constant.language.status.delivery.postal'));
  });

  it('leaves the JSON grammar intact around them: no token turns invalid, separators stay separators', async () => {
    const lines = tokenize(await grammarFor('source.json'), pretty);
    const invalid = lines.flat().filter((token) => token.scopes.some((scope) => scope.startsWith('invalid')));
    assert.deepEqual(invalid, []);
    const eventLine = lines.find((tokens) => tokens.some((token) => token.text === 'MessageSent'));
    assert.ok(eventLine?.some((token) => token.text === ',' && token.scopes.includes('punctuation.separator.dictionary.pair.json')));
  });

  it('does not mark look-alikes: a key named like an event, or a longer value', async () => {
    const lines = tokenize(await grammarFor('source.json'), '{"MessageSent": "MessageSentToday", "note": "Sent by hand"}');
    assert.ok(!scopesOf(lines, 'MessageSent').includes('entity.name.type.event.postal'));
    const marked = lines.flat().filter((token) => token.scopes.some((scope) => scope.endsWith('.postal')));
    assert.deepEqual(marked, []);
  });

  it('marks DNS statuses in a DomainDNSError', async () => {
    const text = JSON.stringify(sampleEnvelope('DomainDNSError', 'default', { seed: 2, now: 1_714_567_890 }), null, 2);
    const lines = tokenize(await grammarFor('source.json'), text);
    assert.ok(scopesOf(lines, 'Invalid').includes('constant.language.status.dns.postal'));
    assert.ok(scopesOf(lines, 'DomainDNSError').includes('entity.name.type.event.postal'));
  });

  it('works in JSON Lines, one compact envelope a line', async () => {
    const text = [JSON.stringify(sampleEnvelope('MessageHeld', 'default', { seed: 3, now: 1_714_567_890 })), JSON.stringify(sampleEnvelope('MessageBounced', 'default', { seed: 4, now: 1_714_567_890 }))].join('\n');
    const lines = tokenize(await grammarFor('source.json.lines'), text);
    assert.ok(scopesOf(lines, 'MessageHeld').includes('entity.name.type.event.postal'));
    assert.ok(scopesOf(lines, 'Held').includes('constant.language.status.delivery.postal'));
    assert.ok(scopesOf(lines, 'MessageBounced').includes('entity.name.type.event.postal'));
  });
});

function record(overrides: Partial<WebhookRecord>): WebhookRecord {
  return {
    id: 'r1', receivedAt: Date.UTC(2026, 10, 27, 12, 0, 0), method: 'POST', path: '/hooks/postal',
    headers: { raw: [], map: {} }, body: { encoding: 'utf8', data: '{}', size: 2, truncated: false },
    parse: { status: 'json' }, kind: 'postal', event: 'MessageSent', uuid: '8a3f0c6e-2d4b-4f1a-9c7e-5b6d8e0f1a2b',
    schema: { valid: true, issues: [] }, signature: { status: 'valid', algorithm: 'sha256' }, duplicate: false, attempt: 1,
    response: { status: 200, delayMs: 0, body: '', reason: 'fixed' }, ...overrides,
  };
}

/** A request line as the extension's LogOutputChannel shows it. */
function logLine(entry: WebhookRecord): string {
  return `2026-11-27 12:00:00.123 [info] [listener] ${formatRecordLine(entry, { color: false, time: false })}`;
}

describe('the extension\'s log output', () => {
  it('colours a good request green: signature, schema, status and the app\'s answer', async () => {
    const line = logLine(record({ forward: { outcome: 'response', url: 'http://127.0.0.1:3000/', startedAt: 0, durationMs: 12, status: 200, statusText: 'OK', headers: {}, body: { encoding: 'utf8', data: '', size: 0, truncated: false } } }));
    const lines = tokenize(await grammarFor('text.log'), line);
    assert.ok(scopesOf(lines, '[listener]').includes('entity.name.tag.component.postal'));
    assert.ok(scopesOf(lines, 'POST').includes('keyword.other.method.postal'));
    assert.ok(scopesOf(lines, '/hooks/postal').includes('string.unquoted.path.postal'));
    assert.ok(scopesOf(lines, 'MessageSent').includes('entity.name.type.event.postal'));
    assert.ok(scopesOf(lines, 'signature ✓ sha256').includes('markup.inserted.postal'));
    assert.ok(scopesOf(lines, 'schema ✓').includes('markup.inserted.postal'));
    assert.ok(scopesOf(lines, '→ 200').includes('markup.inserted.postal'));
    assert.ok(scopesOf(lines, 'app 200 12ms').includes('markup.inserted.postal'));
  });

  it('keeps the log grammar\'s own colours for the level', async () => {
    const lines = tokenize(await grammarFor('text.log'), logLine(record({})));
    assert.ok(scopesOf(lines, '[info]').includes('log.info'));
  });

  it('colours failures red and what needs a look orange', async () => {
    const bad = logLine(record({ signature: { status: 'invalid', algorithm: 'sha256' }, schema: { valid: false, issues: [{ path: ['event'], code: 'unknown-event', message: 'x' }] }, response: { status: 503, delayMs: 0, body: '', reason: 'fixed' }, duplicate: true, attempt: 2 }));
    const lines = tokenize(await grammarFor('text.log'), bad);
    assert.ok(scopesOf(lines, 'signature ✗ invalid').includes('string.regexp.error.postal'));
    assert.ok(scopesOf(lines, 'schema ✗ 1 issue').includes('string.regexp.error.postal'));
    assert.ok(scopesOf(lines, '→ 503').includes('string.regexp.error.postal'));
    assert.ok(scopesOf(lines, '(Postal retries in 3 min)').includes('markup.deleted.postal'));
    assert.ok(scopesOf(lines, 'retry #2').includes('markup.deleted.postal'));
  });

  it('colours a development-key signature like a good one, and each kind of bad signature red', async () => {
    const dev = tokenize(await grammarFor('text.log'), logLine(record({ signature: { status: 'dev-key', algorithm: 'sha256' } })));
    assert.ok(scopesOf(dev, 'signature ✓ dev key').includes('markup.inserted.postal'));
    for (const [failure, words] of [['body-changed', 'body changed'], ['other-key', 'other key'], ['malformed', 'malformed']] as const) {
      const lines = tokenize(await grammarFor('text.log'), logLine(record({ signature: { status: 'invalid', failure } })));
      assert.ok(scopesOf(lines, `signature ✗ ${words}`).includes('string.regexp.error.postal'), failure);
    }
  });

  it('marks unsigned and unparsable requests', async () => {
    const unsigned = logLine(record({ signature: { status: 'missing' }, kind: 'invalid-json', event: undefined, uuid: undefined, parse: { status: 'invalid-json', message: 'x' }, schema: undefined }));
    const lines = tokenize(await grammarFor('text.log'), unsigned);
    assert.ok(scopesOf(lines, 'signature missing').includes('markup.deleted.postal'));
    assert.ok(scopesOf(lines, 'invalid JSON').includes('string.regexp.error.postal'));
    assert.ok(scopesOf(lines, '(invalid-json)').includes('markup.deleted.postal'));
  });
});
