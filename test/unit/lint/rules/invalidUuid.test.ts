import * as assert from 'node:assert/strict';
import { FIXED_UUID, applyFixAndRelint, flagged, issuesOf, lint, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/invalid-uuid';

describe('postal/invalid-uuid', () => {
  it('accepts the UUIDs Postal sends', () => {
    for (const event of ['MessageSent', 'DomainDNSError', 'SendLimitApproaching'] as const) {
      assert.deepEqual(issuesOf(sampleText(event), RULE), []);
    }
  });

  it('points at a malformed envelope uuid and replaces it with a fresh one', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.uuid = 'req-12345'; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '"req-12345"');
    assert.deepEqual(lint(text).map((found) => found.rule), [RULE]);
    assert.equal(JSON.parse(applyFixAndRelint(text, RULE)).uuid, FIXED_UUID);
  });

  it('checks the server and domain uuids', () => {
    const text = sampleText('DomainDNSError', (envelope) => {
      envelope.payload.uuid = 'not-a-uuid';
      envelope.payload.server.uuid = '5d6c2e1a8f0b4c3e9a7d2b1f4e6c8a90';
    });
    assert.equal(issuesOf(text, RULE).length, 2);
  });
});
