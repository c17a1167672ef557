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
    assert.equal(suggestEvents('MessageDelivered')[0], 'MessageSent');
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
    assert.match(issue.message, /Did you mean MessageSent, MessageDeliveryFailed/);
    assert.equal(applyFixAndRelint(text, RULE), sampleText('MessageSent'));
  });

  it('is the only report for an unknown event: the schema does not repeat it', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.event = 'Bogus'; });
    assert.deepEqual(lint(text).map((issue) => issue.rule), [RULE]);
    assert.equal(onlyIssue(text, RULE).fixes, undefined);
  });
});
