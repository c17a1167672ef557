import * as assert from 'node:assert/strict';
import { flagged, inboundText, issuesOf, onlyIssue } from '../lintHelpers';

const RULE = 'postal/inbound-missing-attachments';

describe('postal/inbound-missing-attachments', () => {
  it('says nothing when every counted attachment was sent, or attachments are left out on purpose', () => {
    assert.deepEqual(issuesOf(inboundText('hash'), RULE), []);
    assert.deepEqual(issuesOf(inboundText('hash', (payload) => { delete payload.attachments; }), RULE), []);
  });

  it('explains, without a fix, why Postal counted an attachment it did not send', () => {
    const text = inboundText('hash', (payload) => { payload.attachments = []; });
    const issue = onlyIssue(text, RULE);
    assert.equal(issue.severity, 'info');
    assert.equal(flagged(text, issue), '1');
    assert.match(issue.message, /attachment_quantity is 1 but 0 attachments are here\. Postal really sends this for a message that is only a file/);
    assert.equal(issue.fixes, undefined);
  });
});
