import * as assert from 'node:assert/strict';
import { applyFixAndRelint, flagged, issuesOf, lint, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/timestamp-milliseconds';

describe('postal/timestamp-milliseconds', () => {
  it('accepts Unix seconds with a fraction in every timestamp field', () => {
    for (const event of ['MessageSent', 'MessageBounced', 'DomainDNSError', 'SendLimitExceeded'] as const) {
      assert.deepEqual(issuesOf(sampleText(event), RULE), []);
    }
  });

  it('points at an envelope timestamp in milliseconds and converts it, keeping the fraction', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.timestamp = 1714567891533; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '1714567891533');
    assert.match(issue.message, /2024-05-01 12:51:31 UTC/);
    const fixed = applyFixAndRelint(text, RULE);
    assert.equal((JSON.parse(fixed) as { timestamp: number }).timestamp, 1714567891.533);
  });

  it('checks the message, delivery, bounce and DNS check times too', () => {
    const bounced = sampleText('MessageBounced', (envelope) => { envelope.payload.bounce.timestamp *= 1000; });
    assert.equal(issuesOf(bounced, RULE).length, 1);
    const dns = sampleText('DomainDNSError', (envelope) => { envelope.payload.dns_checked_at = Math.round(envelope.payload.dns_checked_at * 1000); });
    applyFixAndRelint(dns, RULE);
    const sent = sampleText('MessageSent', (envelope) => {
      envelope.payload.timestamp *= 1000;
      envelope.payload.message.timestamp *= 1000;
    });
    assert.equal(issuesOf(sent, RULE).length, 2);
  });

  it('is not repeated as a timestamp-order problem', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.payload.message.timestamp *= 1000; });
    assert.deepEqual(lint(text).map((issue) => issue.rule), [RULE]);
  });
});
