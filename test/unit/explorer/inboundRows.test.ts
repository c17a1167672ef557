import * as assert from 'node:assert/strict';
import { childNodes, describeFilter, fieldNodes, INBOUND_KEY, itemSpec, NO_FILTER, recordTooltip, rootNodes, shortAddress, summarize } from '../../../src/core/explorer';
import { inboundHashSample, inboundRawSample } from '../../../src/core/inbound/inboundSamples';
import { type WebhookRecord } from '../../../src/core/store';
import { inboundRecord } from '../helpers/inboundRecords';
import { asEntry, modelOf, postalRecord, sample } from './explorerRecords';

const NOW = Date.UTC(2026, 4, 1, 12);
const all = (): number => Infinity;


/** A delivery webhook about the inbound message `id`/`token` (Postal fires them for its HTTP endpoint). */
function deliveryWebhook(event: string, id: number, token: string): WebhookRecord {
  const envelope = sample(event, token);
  const message = envelope.payload.message as Record<string, unknown>;
  message.id = id;
  message.direction = 'incoming';
  message.subject = 'Re: Your order #1234';
  return postalRecord(envelope);
}

describe('inbound mail in the Events view', () => {
  it('has its own group by type, rows reading From → To with subject, attachments and spam status', async () => {
    const mail = await inboundRecord(inboundHashSample(), 'hash', 'form');
    const model = await modelOf([postalRecord(sample('MessageSent')), mail]);
    const view = model.view('type', NO_FILTER, NOW);
    const group = rootNodes(view, all).find((node) => node.kind === 'group' && node.group.key === INBOUND_KEY);
    assert.ok(group);
    const groupSpec = itemSpec(group, NOW);
    assert.equal(groupSpec.label, 'Inbound mail');
    assert.deepEqual(groupSpec.icon, { icon: 'mail' });
    const [row] = childNodes(group, all);
    const spec = itemSpec(row, NOW);
    assert.equal(spec.label, 'John Doe → support@example.com');
    assert.match(spec.description ?? '', /^Re: Your order #1234 · 1 attachment · NotSpam · .* · ⚠ unsigned$/);
    assert.match(spec.contextValue ?? '', /^postalRecord;inbound;sig-missing/);
  });

  it('lists its fields under the row and in the tooltip, with Postal\'s verdict on our answer', async () => {
    const mail = await inboundRecord(inboundHashSample(), 'hash', 'json', { response: { status: 500, delayMs: 0, body: '', reason: 'fixed' } });
    const entry = asEntry(mail);
    const node = { kind: 'record' as const, id: 'r', summary: summarize(entry), record: entry };
    const fields = Object.fromEntries(fieldNodes(node).map((field) => [field.name, field.value]));
    assert.equal(fields.subject, 'Re: Your order #1234');
    assert.equal(fields.attachments, '1 attachment');
    assert.equal(fields.format, 'Hash, JSON');
    const tooltip = recordTooltip(entry, NOW);
    assert.match(tooltip, /^\*\*Inbound mail: Re: Your order \\#1234\*\*/);
    assert.match(tooltip, /Answered 500: \*\*SoftFail\*\*; Postal retries in 5 min/);
  });

  it('joins the mail, its RawMessage and the delivery webhooks of the same message into one group by message', async () => {
    const hash = await inboundRecord(inboundHashSample(), 'hash');
    const raw = await inboundRecord({ ...inboundRawSample(), id: 4711 }, 'raw');
    const sent = deliveryWebhook('MessageSent', 4711, 'q3VwXy7RtN2bKd8L');
    const failed = deliveryWebhook('MessageDeliveryFailed', 4711, 'q3VwXy7RtN2bKd8L');
    const outgoing = postalRecord(sample('MessageSent'));
    const lonelyRaw = await inboundRecord(inboundRawSample(), 'raw');
    const model = await modelOf([raw, hash, sent, failed, outgoing, lonelyRaw]);
    const view = model.view('message', NO_FILTER, NOW);
    const joined = view.groups.find((group) => group.key === 'message:q3VwXy7RtN2bKd8L');
    assert.ok(joined);
    assert.equal(joined.newestFirst.length, 4);
    assert.equal(joined.thread?.label, 'Re: Your order #1234');
    assert.ok(view.groups.some((group) => group.key === 'message:id:4712' && group.newestFirst.length === 1), 'a RawMessage with no message of its own stays apart');
    assert.equal(view.groups.length, 3);
  });

  it('filters on inbound mail as an event type, and finds mail by its addresses', async () => {
    const mail = await inboundRecord(inboundHashSample(), 'hash');
    const model = await modelOf([postalRecord(sample('MessageSent')), mail]);
    const filter = { ...NO_FILTER, events: [INBOUND_KEY] };
    assert.equal(describeFilter(filter), 'inbound mail');
    assert.deepEqual(model.view('type', filter, NOW).groups.map((group) => [group.key, group.newestFirst.map((summary) => summary.record.id)]), [[INBOUND_KEY, [mail.id]]]);
    const text = model.view('type', { ...NO_FILTER, text: 'john.reply' }, NOW);
    assert.equal(text.groups.length, 0, 'Reply-To is not kept in the summary');
    const from = model.view('type', { ...NO_FILTER, text: 'john@example.net' }, NOW);
    assert.deepEqual(from.groups.map((group) => group.key), [INBOUND_KEY]);
  });

  it('shortens addresses to a name, keeping a bare address and counting the others', () => {
    assert.equal(shortAddress('John Doe <john@example.net>'), 'John Doe');
    assert.equal(shortAddress('"Doe, John" <john@example.net>, team@example.net'), 'Doe, John +1');
    assert.equal(shortAddress('<bare@example.net>'), 'bare@example.net');
    assert.equal(shortAddress(''), undefined);
  });
});
