import * as assert from 'node:assert/strict';
import { elapsed, TIMELINE_ACTION, timelinePage } from '../../../src/core/inspector/timelinePage';
import { asEntry, postalRecord, sample } from '../explorer/explorerRecords';
import { assertOnlyOurMarkup } from '../helpers/markup';

describe('the message timeline page', () => {
  it('lists the message\'s events oldest first, with the time since the previous one and a way to each request', () => {
    const token = 'Qm7XkP2vRt9LwZ3a';
    const at = Date.UTC(2026, 4, 1, 12);
    const offsets = [0, 120_000, 120_000 + 3 * 3_600_000 + 10 * 60_000];
    const entries = ['MessageSent', 'MessageLoaded', 'MessageLinkClicked'].map((name, index) => asEntry(postalRecord(sample(name, token), { receivedAt: at + offsets[index] })));
    const markup = timelinePage({ kind: 'message', key: token, label: 'Your order <#1042>', detail: 'alice@example.net' }, entries, entries[1].id).value;
    assertOnlyOurMarkup(markup);
    assert.ok(markup.includes('Your order &lt;#1042&gt;'));
    assert.ok(markup.includes(`alice@example.net · 3 events · over 3 h 12 min · token ${token}`));
    const events = [...markup.matchAll(/class="pill [a-z]+">([A-Za-z]+)</g)].map((match) => match[1]);
    assert.deepEqual(events, ['MessageSent', 'MessageLoaded', 'MessageLinkClicked']);
    assert.deepEqual([...markup.matchAll(/class="since">([^<]*)</g)].map((match) => match[1]), ['', '+2 min', '+3 h 10 min']);
    assert.deepEqual([...markup.matchAll(/data-action="([^"]+)" data-argument="([^"]+)"/g)].map((match) => [match[1], match[2]]), entries.map((entry) => [TIMELINE_ACTION.inspect, entry.id]));
    assert.match(markup, new RegExp(`<li class="moment focus">[\\s\\S]*?${entries[1].id}`));
  });

  it('writes time between events in the largest unit that fits', () => {
    assert.deepEqual([400, 42_000, 5 * 60_000, 3 * 3_600_000 + 10 * 60_000, 2 * 3_600_000, 5 * 86_400_000].map(elapsed), ['+0 s', '+42 s', '+5 min', '+3 h 10 min', '+2 h', '+5 days']);
  });
});
