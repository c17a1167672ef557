import * as assert from 'node:assert/strict';
import { flagged, issuesOf, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/timestamp-order';

describe('postal/timestamp-order', () => {
  it('accepts message, delivery and webhook times in the order Postal creates them', () => {
    for (const event of ['MessageSent', 'MessageDelayed', 'MessageLoaded', 'MessageBounced'] as const) {
      assert.deepEqual(issuesOf(sampleText(event), RULE), []);
    }
  });

  it('points at a delivery timestamp earlier than the message’s', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.payload.timestamp = envelope.payload.message.timestamp - 90; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), String(JSON.parse(text).payload.timestamp));
    assert.match(issue.message, /The delivery is dated .*, 90 s before the message was created/);
  });

  it('points at an envelope timestamp earlier than the message’s', () => {
    const text = sampleText('MessageLinkClicked', (envelope) => { envelope.timestamp = envelope.payload.message.timestamp - 7200; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), String(JSON.parse(text).timestamp));
    assert.match(issue.message, /The webhook \(envelope timestamp\) is dated .*2 h before/);
  });

  it('compares a bounce with the original message', () => {
    const text = sampleText('MessageBounced', (envelope) => { envelope.timestamp = envelope.payload.original_message.timestamp - 1; });
    assert.equal(issuesOf(text, RULE).length, 1);
  });
});
