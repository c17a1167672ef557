import * as assert from 'node:assert/strict';
import { ExplorerModel, type ExplorerView, NO_FILTER, nodeForRecord, PAGE_SIZE, parentNode, rootNodes, childNodes } from '../../../src/core/explorer';
import { createMemoryStore } from '../../../src/core/store';
import { asEntry, brokenRecord, modelOf, postalRecord, sample } from './explorerRecords';

const NOW = Date.UTC(2026, 4, 1, 12);
const all = (): number => Infinity;


function labels(view: ExplorerView): string[] {
  return view.groups.map((group) => group.key);
}

describe('explorer model', () => {
  it('groups by event type, the group with the newest event first', async () => {
    const model = await modelOf([postalRecord(sample('MessageSent')), postalRecord(sample('MessageLoaded')), postalRecord(sample('MessageSent'))]);
    const view = model.view('type', NO_FILTER, NOW);
    assert.deepEqual(labels(view), ['MessageSent', 'MessageLoaded']);
    assert.equal(view.groups[0].newestFirst.length, 2);
  });

  it('puts a message’s events in one timeline, oldest first, the bounce with its original message', async () => {
    const token = 'TimelineToken001';
    const other = postalRecord(sample('MessageDelayed'));
    const [sent, loaded, clicked, bounced] = ['MessageSent', 'MessageLoaded', 'MessageLinkClicked', 'MessageBounced'].map((name) => postalRecord(sample(name, token)));
    const model = await modelOf([sent, other, loaded, clicked, bounced]);
    const view = model.view('message', NO_FILTER, NOW);
    const timeline = view.groups[0];
    assert.equal(timeline.key, `message:${token}`);
    assert.equal(timeline.thread?.label, 'Your order #1042 has shipped');
    assert.equal(timeline.thread?.detail, 'alice@example.net');
    const [group] = rootNodes(view, all);
    assert.deepEqual(childNodes(group, all).map((node) => (node.kind === 'record' ? node.record.event : node.kind)), ['MessageSent', 'MessageLoaded', 'MessageLinkClicked', 'MessageBounced']);
    assert.equal(view.groups[1].key, `message:${String((sample('MessageDelayed').payload.message as { token: string }).token)}`);
  });

  it('groups DNS errors by domain, send limits by server, and the rest as other requests', async () => {
    const model = await modelOf([postalRecord(sample('DomainDNSError')), postalRecord(sample('SendLimitApproaching')), postalRecord(sample('SendLimitExceeded')), brokenRecord()]);
    const view = model.view('message', NO_FILTER, NOW);
    assert.deepEqual(
      view.groups.map((group) => [group.thread?.kind, group.thread?.label, group.newestFirst.length]),
      [
        ['other', 'Other requests', 1],
        ['server', 'Acme Transactional', 2],
        ['domain', 'acme.example', 1],
      ],
    );
  });

  it('lists every record newest first when grouped by time, a page at a time', async () => {
    const records = Array.from({ length: PAGE_SIZE + 5 }, () => postalRecord(sample('MessageSent')));
    const model = await modelOf(records);
    const view = model.view('time', NO_FILTER, NOW);
    const page = rootNodes(view, () => PAGE_SIZE);
    assert.equal(page.length, PAGE_SIZE + 1);
    assert.equal(page[0].kind === 'record' && page[0].record.id, records.at(-1)?.id);
    assert.deepEqual(page.at(-1), { kind: 'more', id: 'root/more', remaining: 5 });
    assert.equal(rootNodes(view, () => 2 * PAGE_SIZE).length, PAGE_SIZE + 5);
  });

  it('filters by event type, signature, text and time window', async () => {
    const unsigned = postalRecord(sample('MessageDelayed'), { signature: { status: 'missing' } });
    const old = postalRecord(sample('MessageSent'), { receivedAt: NOW - 2 * 60 * 60_000 });
    const recent = postalRecord(sample('MessageSent'), { receivedAt: NOW - 60_000 });
    const clicked = postalRecord(sample('MessageLinkClicked'), { receivedAt: NOW - 30_000 });
    const model = await modelOf([old, unsigned, recent, clicked]);
    const ids = (filter: Partial<typeof NO_FILTER>): string[] => model.view('time', { ...NO_FILTER, ...filter }, NOW).records.map((summary) => summary.record.id);
    assert.deepEqual(ids({ events: ['MessageDelayed'] }), [unsigned.id]);
    assert.deepEqual(ids({ signature: ['missing'] }), [unsigned.id]);
    assert.deepEqual(ids({ text: 'ACME.EXAMPLE/ORDERS' }), [clicked.id]);
    assert.deepEqual(ids({ window: '1h', events: ['MessageSent'] }), [recent.id]);
    assert.equal(model.view('time', { ...NO_FILTER, events: ['MessageHeld'] }, NOW).total, 4);
  });

  it('follows deletions, evictions, updates and clears of the store', async () => {
    const store = createMemoryStore({ maxRecords: 2 });
    const model = new ExplorerModel();
    store.onDidChange((change) => model.apply(change));
    const [first, second, third] = [sample('MessageSent'), sample('MessageLoaded'), sample('MessageHeld')].map((envelope) => postalRecord(envelope));
    for (const record of [first, second, third]) await store.add(record);
    assert.deepEqual(model.view('type', NO_FILTER, NOW).groups.map((group) => group.key), ['MessageHeld', 'MessageLoaded']);
    await store.delete([second.id]);
    assert.equal(model.size, 1);
    await store.update(third.id, { forward: { outcome: 'pending', url: 'http://localhost:3000/', startedAt: NOW } });
    assert.equal(model.get(third.id)?.record.forward?.outcome, 'pending');
    await store.clear();
    assert.equal(model.view('type', NO_FILTER, NOW).groups.length, 0);
  });

  it('finds the node and the parent of a record, for revealing it', async () => {
    const token = 'RevealToken00001';
    const clicked = postalRecord(sample('MessageLinkClicked', token));
    const model = await modelOf([postalRecord(sample('MessageSent', token)), clicked]);
    const view = model.view('message', NO_FILTER, NOW);
    const node = nodeForRecord(view, clicked.id);
    assert.equal(node?.id, `group:message:message:${token}/${clicked.id}`);
    assert.ok(node);
    assert.equal(parentNode(view, node)?.id, `group:message:message:${token}`);
    const field = childNodes(node, all)[0];
    assert.equal(parentNode(view, field)?.id, node.id);
  });

  it('reuses a computed view until something changes', async () => {
    const model = await modelOf([postalRecord(sample('MessageSent'))]);
    const first = model.view('type', NO_FILTER, NOW);
    assert.equal(model.view('type', NO_FILTER, NOW + 1000), first);
    model.apply({ type: 'added', record: asEntry(postalRecord(sample('MessageSent'))), evicted: [] });
    assert.notEqual(model.view('type', NO_FILTER, NOW), first);
  });
});
