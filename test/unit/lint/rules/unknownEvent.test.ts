import * as assert from 'node:assert/strict';
import { suggestEvents } from '../../../../src/core/lint/rules/eventSuggestions';
import { applyFixAndRelint, flagged, issuesOf, lint, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/unknown-event';

describe('postal/unknown-event', () => {
  it('accepts every event Postal sends', () => {
    for (const event of ['MessageSent', 'MessageHeld', 'DomainDNSError', 'SendLimitApproaching'] as const) {
      assert.deepEqual(issuesOf(sampleText(event), RULE), []);
    }
  });

  it('suggests what people mean by names Postal does not use', () => {
    assert.deepEqual(suggestEvents('MessageDelivered'), ['MessageSent']);
    assert.equal(suggestEvents('MessageOpened')[0], 'MessageLoaded');
    assert.equal(suggestEvents('MessageClicked')[0], 'MessageLinkClicked');
    assert.equal(suggestEvents('MessageFailed')[0], 'MessageDeliveryFailed');
    assert.equal(suggestEvents('MessageBounce')[0], 'MessageBounced');
    assert.equal(suggestEvents('message_sent')[0], 'MessageSent');
    assert.equal(suggestEvents('MesageSnet')[0], 'MessageSent');
    assert.deepEqual(suggestEvents('OrderShipped'), []);
  });

  it('points at the event value and offers the guess as the preferred fix', () => {
    const text = sampleText('MessageLoaded', (envelope) => { envelope.event = 'MessageOpened'; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '"MessageOpened"');
    assert.match(issue.message, /Did you mean MessageLoaded/);
    assert.equal(applyFixAndRelint(text, RULE), sampleText('MessageLoaded'));
  });

  it('trusts the payload first: a "Sent" delivery named MessageFailed is a MessageSent', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.event = 'MessageFailed'; });
    const issue = onlyIssue(text, RULE);
    assert.match(issue.message, /Did you mean MessageSent or MessageDeliveryFailed\?/);
    assert.equal(applyFixAndRelint(text, RULE), sampleText('MessageSent'));
  });

  it('is the only report for an unknown event: the schema does not repeat it', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.event = 'Bogus'; });
    assert.deepEqual(lint(text).map((issue) => issue.rule), [RULE]);
    assert.match(onlyIssue(text, RULE).message, /Did you mean MessageSent\?$/);
  });

  it('offers no fix when neither the name nor the payload gives a clue', () => {
    const issue = onlyIssue('{"event": "OrderShipped", "timestamp": 1714567891.5, "payload": {}, "uuid": "8a3f0c6e-2d4b-4f1a-9c7e-5b6d8e0f1a2b"}', RULE);
    assert.equal(issue.fixes, undefined);
    assert.equal(issue.message, '"OrderShipped" is not an event Postal sends.');
  });
});
