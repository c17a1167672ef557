import * as assert from 'node:assert/strict';
import { applyFixAndRelint, inboundText, issuesOf, onlyIssue } from '../lintHelpers';

const RULE = 'postal/inbound-message-id';

describe('postal/inbound-message-id', () => {
  it('accepts a bare message_id and a bracketed in_reply_to, as Postal sends them', () => {
    assert.deepEqual(issuesOf(inboundText('hash'), RULE), []);
    assert.deepEqual(issuesOf(inboundText('hash', (payload) => { payload.message_id = null; payload.in_reply_to = null; }), RULE), []);
  });

  it('strips the brackets Postal strips from message_id', () => {
    const text = inboundText('hash', (payload) => { payload.message_id = '<CAF1234abcd@mail.example.net>'; });
    assert.match(onlyIssue(text, RULE).message, /strips from the Message-ID \("CAF1234abcd@mail\.example\.net"\)/);
    assert.equal(JSON.parse(applyFixAndRelint(text, RULE)).message_id, 'CAF1234abcd@mail.example.net');
  });

  it('adds the brackets the In-Reply-To header has', () => {
    const text = inboundText('hash', (payload) => { payload.in_reply_to = 'order-1234@example.com'; });
    assert.equal(JSON.parse(applyFixAndRelint(text, RULE)).in_reply_to, '<order-1234@example.com>');
  });
});
