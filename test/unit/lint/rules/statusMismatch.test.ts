import * as assert from 'node:assert/strict';
import { applyFixAndRelint, flagged, issuesOf, lint, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/status-mismatch';

describe('postal/status-mismatch', () => {
  it('accepts the status each delivery event always has', () => {
    for (const event of ['MessageSent', 'MessageDelayed', 'MessageDeliveryFailed', 'MessageHeld'] as const) {
      assert.deepEqual(issuesOf(sampleText(event), RULE), []);
    }
  });

  it('points at a status Postal never sends with the event, naming the event that has it', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.payload.status = 'Held'; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '"Held"');
    assert.match(issue.message, /MessageSent always has status "Sent".*as MessageHeld/);
  });

  it('replaces the schema’s generic complaint about the same value', () => {
    const text = sampleText('MessageDelayed', (envelope) => { envelope.payload.status = 'Bounced'; });
    assert.deepEqual(lint(text).map((issue) => issue.rule), [RULE]);
  });

  it('sets the status that matches the event', () => {
    const text = sampleText('MessageDeliveryFailed', (envelope) => { envelope.payload.status = 'SoftFail'; });
    assert.equal(applyFixAndRelint(text, RULE, /Set the status/), sampleText('MessageDeliveryFailed'));
  });

  it('can instead change the event to the one the status belongs to', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.payload.status = 'Held'; });
    const fixed = applyFixAndRelint(text, RULE, /Change the event to MessageHeld/);
    assert.equal((JSON.parse(fixed) as { event: string }).event, 'MessageHeld');
  });
});
