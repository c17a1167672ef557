import * as assert from 'node:assert/strict';
import { applyFixAndRelint, flagged, issuesOf, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/send-limit';

function limit(event: 'SendLimitApproaching' | 'SendLimitExceeded', volume: number, max: number): string {
  return sampleText(event, (envelope) => {
    envelope.payload.volume = volume;
    envelope.payload.limit = max;
  });
}

describe('postal/send-limit', () => {
  it('accepts volumes that trigger each event', () => {
    assert.deepEqual(issuesOf(limit('SendLimitApproaching', 900, 1000), RULE), []);
    assert.deepEqual(issuesOf(limit('SendLimitApproaching', 999, 1000), RULE), []);
    assert.deepEqual(issuesOf(limit('SendLimitExceeded', 1000, 1000), RULE), []);
    assert.deepEqual(issuesOf(sampleText('SendLimitExceeded'), RULE), []);
  });

  it('points at a volume below 90 % in SendLimitApproaching', () => {
    const text = limit('SendLimitApproaching', 899, 1000);
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '899');
    assert.match(issue.message, /from 90 % of the limit \(900 of 1000\)/);
    assert.equal(issue.fixes, undefined);
  });

  it('points at a volume below the limit in SendLimitExceeded and offers Approaching when it fits', () => {
    assert.equal(onlyIssue(limit('SendLimitExceeded', 10, 1000), RULE).fixes, undefined);
    const text = limit('SendLimitExceeded', 950, 1000);
    const fixed = applyFixAndRelint(text, RULE);
    assert.equal(JSON.parse(fixed).event, 'SendLimitApproaching');
  });

  it('turns an Approaching at or over the limit into Exceeded', () => {
    const text = limit('SendLimitApproaching', 1003, 1000);
    assert.match(onlyIssue(text, RULE).message, /that is SendLimitExceeded/);
    assert.equal(JSON.parse(applyFixAndRelint(text, RULE)).event, 'SendLimitExceeded');
  });

  it('points at a limit of 0', () => {
    const text = limit('SendLimitExceeded', 5, 0);
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '0');
    assert.match(issue.message, /limit of 0 holds every outgoing message/);
  });
});
