import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordJsonLine } from '../../../src/cli/listen';
import {
  childNodes,
  type EventFilter,
  eventDocumentText,
  ExplorerModel,
  type ExplorerNode,
  type ExplorerView,
  GROUPINGS,
  type Grouping,
  itemSpec,
  NO_FILTER,
  nodeForRecord,
  parentNode,
  prettyEnvelope,
  recordTooltip,
  rootNodes,
} from '../../../src/core/explorer';
import { requestPage } from '../../../src/core/inspector/requestPage';
import { formatRecordLine } from '../../../src/core/listener';
import { toCurl, toHttpFile } from '../../../src/core/replay/exportRequest';
import { recordLabel, requestFromRecord } from '../../../src/core/replay/recordRequest';
import { openFileStore, type WebhookRecord, type WebhookStore } from '../../../src/core/store';
import { deleteLine, recordLine, updateLine } from '../../../src/core/store/storeLines';
import { brokenRecord, postalRecord, sample } from '../explorer/explorerRecords';
import { assertOnlyOurMarkup } from '../helpers/markup';
import { makeRecord } from '../helpers/records';

const NOW = Date.UTC(2026, 4, 1, 12);
const all = (): number => Infinity;

/** Records of every shape the listener stores, as the starting points of mutations. */
function baseRecords(): WebhookRecord[] {
  const forwarded = postalRecord(sample('MessageBounced'), {
    forward: { outcome: 'response', url: 'http://localhost:3000/hook', startedAt: NOW, durationMs: 12, status: 500, statusText: 'Oops', headers: { 'content-type': 'text/plain' }, body: { encoding: 'utf8', data: 'no', size: 2, truncated: false } },
  });
  const invalid = postalRecord(sample('MessageSent'), {
    schema: { valid: false, issues: [{ path: ['payload', 'message', 'to'], code: 'type', message: 'expected a string', expected: 'a string', received: '42' }], more: 3 },
    signature: { status: 'invalid', algorithm: 'sha256', kid: { header: 'ab', key: 'cd', matches: false }, reason: 'Signed with a different key' },
  });
  const binary = makeRecord({ body: { encoding: 'base64', data: Buffer.from([0xff, 0x00, 0x60]).toString('base64'), size: 3, truncated: false }, kind: 'invalid-json', parse: { status: 'invalid-json', message: 'binary' }, event: undefined, uuid: undefined, schema: undefined });
  const tooLarge = makeRecord({ kind: 'too-large', body: { encoding: 'utf8', data: '', size: 5_000_000, truncated: false }, parse: { status: 'not-read' }, response: { status: 413, delayMs: 0, body: '{"error":"too large"}', reason: 'too-large' } });
  return [
    postalRecord(sample('MessageSent', 'tok1')),
    postalRecord(sample('MessageLinkClicked', 'tok1')),
    postalRecord(sample('DomainDNSError')),
    postalRecord(sample('SendLimitExceeded')),
    forwarded,
    invalid,
    brokenRecord(),
    binary,
    tooLarge,
  ];
}

const RECORDS = baseRecords();
const BASE_LINES: string[] = [
  ...RECORDS.map((record) => recordLine(record)),
  updateLine(RECORDS[0].id, { forward: { outcome: 'failed', url: 'http://x/', startedAt: NOW, durationMs: 3, error: { code: 'refused', message: 'refused' } } }),
  updateLine(RECORDS[1].id, { forward: { outcome: 'pending', url: 'http://x/', startedAt: NOW } }),
  deleteLine([RECORDS[2].id]),
].map((line) => line.replace(/\n$/, ''));

/** Values that have broken display code before: escapes, Markdown, huge and odd numbers, prototype keys, deep nesting. */
const NASTY = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    '\u001b[31mred\u001b[0m',
    '[x](command:evil) $(zap) `code` <b>',
    '`'.repeat(40),
    '',
    '__proto__',
    'constructor',
    -1,
    0,
    0.5,
    1e308,
    -1e308,
    8.64e15,
    8.64e15 + 1,
    Number.MAX_SAFE_INTEGER,
    null,
    true,
    [],
    {},
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    'x'.repeat(5000),
  ),
);

/** Replaces (or deletes) the value at a path chosen by `steps` in a parsed line. */
function mutate(line: string, steps: number[], replacement: unknown, remove: boolean): string {
  const root = JSON.parse(line) as unknown;
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let current: unknown = root;
  for (const step of steps) {
    if (typeof current !== 'object' || current === null) break;
    const keys = Array.isArray(current) ? current.map((_, index) => index) : Object.keys(current);
    if (keys.length === 0) break;
    parent = current as Record<string, unknown>;
    key = keys[step % keys.length];
    current = (current as Record<string | number, unknown>)[key];
  }
  if (parent === undefined || key === undefined) return JSON.stringify(replacement);
  if (remove && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key];
  else (parent as Record<string | number, unknown>)[key] = replacement;
  return JSON.stringify(root);
}

const structural = fc.tuple(fc.nat(BASE_LINES.length - 1), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), NASTY, fc.boolean()).map(([index, steps, value, remove]) => mutate(BASE_LINES[index], steps, value, remove));

const textual = fc.tuple(fc.nat(BASE_LINES.length - 1), fc.nat(), fc.nat(20), fc.string({ maxLength: 8 })).map(([index, at, cut, insert]) => {
  const line = BASE_LINES[index];
  const position = at % (line.length + 1);
  return line.slice(0, position) + insert + line.slice(position + cut);
});

const random = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify({ v: 1, type: 'record', record: value })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ type: 'update', id: RECORDS[0].id, forward: value })),
);

const historyText = fc.array(fc.oneof({ weight: 3, arbitrary: structural }, { weight: 1, arbitrary: textual }, { weight: 1, arbitrary: random }, { weight: 2, arbitrary: fc.constantFrom(...BASE_LINES) }), { minLength: 1, maxLength: 12 });

const FILTERS: EventFilter[] = [NO_FILTER, { events: ['(other)', 'MessageSent', '__proto__'], text: 'a', signature: ['valid', 'missing'], window: '1h' }];

/** Every row of a view, as VS Code would ask for them: items, children, parents. */
function walk(view: ExplorerView, nodes: readonly ExplorerNode[], depth = 0): number {
  let rows = 0;
  for (const node of nodes) {
    itemSpec(node, NOW);
    parentNode(view, node);
    rows += 1 + (depth < 3 ? walk(view, childNodes(node, all), depth + 1) : 0);
  }
  return rows;
}

/** Everything that shows a stored record, fed from the store: none of it may throw. */
function showEverything(store: WebhookStore): void {
  const entries = store.list();
  const model = new ExplorerModel();
  model.reset(entries);
  for (const grouping of Object.keys(GROUPINGS) as Grouping[]) {
    for (const filter of FILTERS) {
      const view = model.view(grouping, filter, NOW);
      walk(view, rootNodes(view, all));
      for (const entry of entries) nodeForRecord(view, entry.id);
    }
  }
  for (const entry of entries) {
    recordTooltip(entry, NOW);
    formatRecordLine(entry, { color: true });
    const record = store.read(entry.id);
    assert.ok(record !== undefined, `entry ${entry.id} cannot be read back`);
    eventDocumentText(record);
    assertOnlyOurMarkup(requestPage(record).value);
    prettyEnvelope(record);
    formatRecordLine(record, { color: false });
    JSON.stringify(recordJsonLine(record));
    recordLabel(record);
    const request = requestFromRecord(record, 'http://127.0.0.1:3000/hook');
    if (request.ok) {
      toCurl(request.request);
      toHttpFile(request.request, recordLabel(record));
    }
  }
  store.export();
  store.export(undefined, 'json');
}

describe('history properties: nothing read from the file is trusted', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'postal-history-props-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads any mix of valid, mutated and random lines, and every view of what it kept works', async function () {
    this.timeout(120_000);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(historyText, async (lines) => {
        run += 1;
        const path = join(dir, `history-${run}.jsonl`);
        writeFileSync(path, `${lines.join('\n')}\n`);
        const opened = await openFileStore(path, { maxRecords: 50 });
        assert.ok(opened.ok, opened.ok ? '' : opened.message);
        try {
          showEverything(opened.store);
          assert.equal(opened.report.loaded + opened.report.invalid <= lines.length, true);
        } finally {
          await opened.store.close();
        }
      }),
      { numRuns: 300 },
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was polluted');
  });
});
