import * as assert from 'node:assert/strict';
import { applyFixAndRelint, flagged, inboundText, issuesOf, onlyIssue } from '../lintHelpers';

const RULE = 'postal/inbound-attachments';

describe('postal/inbound-attachments', () => {
  it('accepts attachments described as Postal describes them', () => {
    assert.deepEqual(issuesOf(inboundText('hash'), RULE), []);
  });

  it('sets attachment_quantity to the attachments sent when it counts more or fewer', () => {
    const fewer = inboundText('hash', (payload) => { payload.attachment_quantity = 0; });
    assert.match(onlyIssue(fewer, RULE).message, /attachment_quantity is 0 but 1 attachment is here; Postal counts and sends the same attachments/);
    assert.equal(JSON.parse(applyFixAndRelint(fewer, RULE)).attachment_quantity, 1);
    const more = inboundText('hash', (payload) => { payload.attachment_quantity = 3; });
    assert.equal(JSON.parse(applyFixAndRelint(more, RULE)).attachment_quantity, 1);
  });

  it('accepts a count without attachments: an endpoint without attachment data leaves them out', () => {
    assert.deepEqual(issuesOf(inboundText('hash', (payload) => { delete payload.attachments; payload.attachment_quantity = 2; }), RULE), []);
  });

  it('sets a size to the decoded length of the data', () => {
    const text = inboundText('hash', (payload) => { payload.attachments[0].size = 16; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '16');
    assert.equal(JSON.parse(applyFixAndRelint(text, RULE)).attachments[0].size, 12);
  });

  it('keeps only the MIME type of a JSON content_type, as Postal sends it', () => {
    const text = inboundText('hash', (payload) => { payload.attachments[0].content_type = 'Text/Plain; charset=UTF-8; name=test.txt'; });
    assert.match(onlyIssue(text, RULE).message, /only in form encoding/);
    assert.equal(JSON.parse(applyFixAndRelint(text, RULE)).attachments[0].content_type, 'text/plain');
  });
});
