import * as assert from 'node:assert/strict';
import { looksLikeBarePayload, looksLikeEnvelope } from '../../../src/core/events';
import { ALL_FIXTURES } from './eventFixtures';

describe('guessing what a JSON value is', () => {
  it('sees an envelope in every fixture and not in its payload', () => {
    for (const fixture of ALL_FIXTURES) {
      assert.equal(looksLikeEnvelope(fixture.value), true, fixture.file);
      assert.equal(looksLikeEnvelope(fixture.value.payload), false, fixture.file);
    }
  });

  it('does not take near-envelopes for envelopes', () => {
    for (const value of [null, [], 'MessageSent', { event: 'MessageSent' }, { event: 1, payload: {} }, { event: 'X', payload: [] }, { event: 'X', payload: null }]) {
      assert.equal(looksLikeEnvelope(value), false, JSON.stringify(value));
    }
    assert.equal(looksLikeEnvelope({ event: 'Anything', payload: {} }), true);
  });

  it('recognises the event of every fixture payload from its keys alone, in v2 or v3 order', () => {
    for (const fixture of ALL_FIXTURES) {
      assert.equal(looksLikeBarePayload(fixture.value.payload), fixture.value.event, fixture.file);
    }
  });

  it('tells the send limit events apart by whether the volume reached the limit', () => {
    const server = { uuid: 'x', name: 'n', permalink: 'p', organization: null };
    assert.equal(looksLikeBarePayload({ server, volume: 999, limit: 1000 }), 'SendLimitApproaching');
    assert.equal(looksLikeBarePayload({ server, volume: 1000, limit: 1000 }), 'SendLimitExceeded');
    assert.equal(looksLikeBarePayload({ server, volume: '1000', limit: 1000 }), undefined);
  });

  it('tells clicks from loads, and needs a known delivery status', () => {
    const message = {};
    assert.equal(looksLikeBarePayload({ message, url: 'https://x', token: 'a' }), 'MessageLinkClicked');
    assert.equal(looksLikeBarePayload({ message, ip_address: null, user_agent: null }), 'MessageLoaded');
    assert.equal(looksLikeBarePayload({ message, status: 'Held' }), 'MessageHeld');
    assert.equal(looksLikeBarePayload({ message, status: 'Bounced' }), undefined);
    assert.equal(looksLikeBarePayload({ message }), undefined);
  });

  it('guesses nothing for envelopes, unrelated objects and non-objects', () => {
    for (const value of [ALL_FIXTURES[0].value, { order: 1 }, { server: {} }, [], null, 'text']) {
      assert.equal(looksLikeBarePayload(value), undefined, JSON.stringify(value));
    }
  });
});
