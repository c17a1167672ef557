import * as assert from 'node:assert/strict';
import { type ExplorerNode } from '../../../src/core/explorer';
import { type HistoryEntry, type WebhookRecord } from '../../../src/core/store';
import { entriesFromArgs, type RecordSource, recordsFromArgs } from '../../../src/vscode/itemArgs';
import { asEntry } from '../explorer/explorerRecords';
import { makeRecord } from '../helpers/records';

/** A history of whole records; `read` counts the reads, as each one goes to the file. */
function historyOf(records: WebhookRecord[], selection: ExplorerNode[] = []): RecordSource & { reads: string[] } {
  const entries = new Map<string, HistoryEntry>(records.map((record) => [record.id, asEntry(record)]));
  const reads: string[] = [];
  return {
    reads,
    get: (id) => entries.get(id),
    read: (id) => {
      reads.push(id);
      return records.find((record) => record.id === id);
    },
    selection: () => selection,
  };
}

const rowOf = (entry: HistoryEntry): ExplorerNode => ({ kind: 'record', id: `row-${entry.id}`, record: entry }) as unknown as ExplorerNode;

describe('item command arguments', () => {
  const [a, b, c] = [makeRecord(), makeRecord(), makeRecord()];

  it('read whole records back from the history for rows, entries and ids, once each', () => {
    const source = historyOf([a, b, c]);
    const records = recordsFromArgs(source, rowOf(asEntry(a)), [rowOf(asEntry(a)), asEntry(b), c.id, b.id]);
    assert.deepEqual(records.map((record) => record.id), [a.id, b.id, c.id]);
    assert.deepEqual(source.reads, [a.id, b.id, c.id]);
    assert.equal(records[0], a, 'the whole record the history returned');
  });

  it('use a whole record passed in as it is, without reading the history', () => {
    const source = historyOf([]);
    const outside = makeRecord();
    assert.deepEqual(recordsFromArgs(source, { record: outside }), [outside]);
    assert.deepEqual(source.reads, []);
  });

  it("take the view's selection when run without an argument, from the palette or a key", () => {
    const source = historyOf([a, b], [rowOf(asEntry(b)), rowOf(asEntry(a))]);
    assert.deepEqual(entriesFromArgs(source, undefined).map((entry) => entry.id), [b.id, a.id]);
    assert.deepEqual(recordsFromArgs(source, undefined).map((record) => record.id), [b.id, a.id]);
  });

  it('prefer the multi-selection VS Code passes second over the clicked row', () => {
    const source = historyOf([a, b, c]);
    assert.deepEqual(entriesFromArgs(source, rowOf(asEntry(a)), [rowOf(asEntry(b)), rowOf(asEntry(c))]).map((entry) => entry.id), [b.id, c.id]);
  });

  it('skip what is no longer in the history and what is not a request at all', () => {
    const source = historyOf([a]);
    const gone = makeRecord();
    assert.deepEqual(entriesFromArgs(source, [gone.id, asEntry(gone), 'nonsense', 42, null, { kind: 'group' }, a.id]).map((entry) => entry.id), [a.id]);
    assert.deepEqual(recordsFromArgs(source, [asEntry(gone), 42, { record: null }]), []);
  });
});
