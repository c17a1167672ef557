import * as assert from 'node:assert/strict';
import {
  describeFilter,
  ExplorerModel,
  itemSpec,
  NO_FILTER,
  recordContextValue,
  recordNode,
  recordProblem,
  recordTooltip,
  relativeTime,
  rootNodes,
  childNodes,
  summarize,
} from '../../../src/core/explorer';
import { type SignatureResult } from '../../../src/core/signature';
import { asEntry, brokenRecord, postalEntry, sample } from './explorerRecords';

const NOW = Date.UTC(2026, 4, 1, 12);
const all = (): number => Infinity;

describe('explorer rows', () => {
  it('says how long ago, in minutes, hours, then days', () => {
    assert.equal(relativeTime(NOW - 10_000, NOW), 'just now');
    assert.equal(relativeTime(NOW - 2 * 60_000, NOW), '2 min ago');
    assert.equal(relativeTime(NOW - 3 * 3_600_000, NOW), '3 h ago');
    assert.equal(relativeTime(NOW - 30 * 3_600_000, NOW), 'yesterday');
    assert.equal(relativeTime(NOW - 3 * 86_400_000, NOW), '3 days ago');
    assert.equal(relativeTime(Date.UTC(2026, 0, 2), NOW), '2026-01-02');
  });

  it('shows an event-type group with its icon, colour and count', () => {
    const model = new ExplorerModel();
    model.reset([postalEntry(sample('MessageBounced'), { receivedAt: NOW - 120_000 })]);
    const [group] = rootNodes(model.view('type', NO_FILTER, NOW), all);
    const spec = itemSpec(group, NOW);
    assert.deepEqual([spec.label, spec.description, spec.icon], ['MessageBounced', '1 · 2 min ago', { icon: 'reply', color: 'testing.iconFailed' }]);
    assert.equal(spec.collapsible, 'collapsed');
    assert.match(spec.tooltip ?? '', /A bounce came back/);
  });

  it('leads an event row with what it is about under a type group, and with the event under a message', () => {
    const clicked = postalEntry(sample('MessageLinkClicked'), { receivedAt: NOW - 60_000 });
    const model = new ExplorerModel();
    model.reset([clicked]);
    const [byType] = childNodes(rootNodes(model.view('type', NO_FILTER, NOW), all)[0], all);
    assert.deepEqual([itemSpec(byType, NOW).label, itemSpec(byType, NOW).description], ['https://acme.example/orders/1042/track?utm_source=postal&utm_medium=email', '1 min ago']);
    const [byMessage] = childNodes(rootNodes(model.view('message', NO_FILTER, NOW), all)[0], all);
    const spec = itemSpec(byMessage, NOW);
    assert.deepEqual([spec.label, spec.description, spec.icon?.icon], ['MessageLinkClicked', 'https://acme.example/orders/1042/track?utm_source=postal&utm_medium=email · 1 min ago', 'link-external']);
    const flat = itemSpec(recordNode(summarize(clicked)), NOW);
    assert.equal(flat.label, 'MessageLinkClicked');
  });

  it('marks retries, signature and schema problems and failed answers after the time', () => {
    const record = postalEntry(sample('MessageSent'), {
      receivedAt: NOW,
      duplicate: true,
      attempt: 2,
      signature: { status: 'invalid', algorithm: 'sha256', reason: 'The signature does not match the body.' },
      schema: { valid: false, issues: [{ path: ['payload', 'status'], code: 'literal', message: 'expected "Sent"' }] },
      response: { status: 500, delayMs: 0, body: '', reason: 'fixed' },
    });
    const spec = itemSpec(recordNode(summarize(record)), NOW);
    assert.equal(spec.description, 'alice@example.net · just now · retry #2 · ✗ bad signature · ✗ 1 schema issue · → 500');
    assert.equal(recordProblem(record), 'signature-invalid');
    assert.equal(spec.contextValue, 'postalRecord;postal;sig-invalid;json;schemaInvalid');
  });

  it('makes a row whose signature was not checked, or is the development key\'s, look unlike a valid one', () => {
    const row = (signature: SignatureResult): string | undefined =>
      itemSpec(recordNode(summarize(postalEntry(sample('MessageSent'), { receivedAt: NOW, signature }))), NOW).description;
    assert.equal(row({ status: 'valid', algorithm: 'sha256' }), 'alice@example.net · just now');
    assert.equal(row({ status: 'no-key', algorithm: 'sha256' }), 'alice@example.net · just now · ○ not checked');
    assert.equal(row({ status: 'dev-key', algorithm: 'sha256' }), 'alice@example.net · just now · ✓ dev key');
    const tooltip = recordTooltip(postalEntry(sample('MessageSent'), { signature: { status: 'dev-key', algorithm: 'sha256', kid: { key: 'abcdef0123456789' } } }), NOW);
    assert.match(tooltip, /Signed with your \*\*development key\*\* \(RSA-SHA256\), key `abcdef01…`: a test event or replay from this editor, not from Postal/);
  });

  it('shows a body that is not JSON as its request line with a warning icon, and no JSON actions', () => {
    const record = asEntry(brokenRecord());
    const spec = itemSpec(recordNode(summarize(record)), record.receivedAt);
    assert.deepEqual([spec.label, spec.icon?.icon, spec.collapsible], ['POST /', 'warning', 'none']);
    assert.equal(recordContextValue(record), 'postalRecord;invalid-json;sig-missing');
    assert.match(spec.description ?? '', /✗ not JSON/);
  });

  it('explains in the tooltip the signature, the answer and what Postal does next', () => {
    const record = postalEntry(sample('MessageDelayed'), { response: { status: 503, delayMs: 0, body: '', reason: 'fixed' }, attempt: 6, duplicate: true });
    const tooltip = recordTooltip(record, record.receivedAt);
    assert.match(tooltip, /^\*\*MessageDelayed\*\* · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(just now\)/);
    assert.match(tooltip, /uuid `00000000-0000-4000-8000-\d{12}` · \*\*retry\*\*, attempt 6/);
    assert.match(tooltip, /Signature valid \(RSA-SHA256\), key `fb224b07…`/);
    assert.match(tooltip, /Answered 503: Postal gives up \(last attempt\)/);
    assert.match(tooltip, /message\\\.to: carol@example\\\.com/);
  });

  it('escapes Markdown in values from the wire', () => {
    const envelope = sample('MessageSent');
    (envelope.payload.message as Record<string, unknown>).to = '[click](command:evil) $(zap)';
    const tooltip = recordTooltip(postalEntry(envelope), NOW);
    assert.ok(tooltip.includes('\\[click\\]\\(command:evil\\) \\$\\(zap\\)'), tooltip);
  });

  it('expands an event into its key fields, DNS results included', () => {
    const dns = postalEntry(sample('DomainDNSError'));
    const fields = childNodes(recordNode(summarize(dns)), all).map((node) => (node.kind === 'field' ? `${node.name}: ${node.value}` : ''));
    assert.ok(fields.includes('domain: acme.example'), fields.join('\n'));
    assert.ok(fields.includes('spf: OK'));
    assert.ok(fields.includes('mx: Missing: There are no MX records for acme.example'), fields.join('\n'));
    assert.ok(fields.includes('server: Acme Transactional'));
  });

  it('names a bounce\'s message fields as its payload does: original_message', () => {
    const bounce = postalEntry(sample('MessageBounced'));
    const names = childNodes(recordNode(summarize(bounce)), all).map((node) => (node.kind === 'field' ? node.name : ''));
    assert.ok(names.includes('original_message.token') && names.includes('original_message.to'), names.join(', '));
    assert.ok(!names.some((name) => name.startsWith('message.')), names.join(', '));
    assert.ok(names.includes('bounce.from'));
    assert.match(recordTooltip(bounce, NOW), /original\\_message\\.to: /);
  });

  it('describes a filter in a few words', () => {
    assert.equal(describeFilter({ ...NO_FILTER, events: ['MessageSent'], signature: ['missing'], window: '1h' }), 'MessageSent, unsigned · last hour');
    assert.equal(describeFilter({ ...NO_FILTER, signature: ['valid', 'no-key'] }), 'valid signature, signature not checked');
    assert.equal(describeFilter({ ...NO_FILTER, events: ['MessageSent', 'MessageLoaded', 'MessageHeld'], text: ' alice ' }), 'MessageSent, MessageLoaded, +1 · “alice”');
  });
});
