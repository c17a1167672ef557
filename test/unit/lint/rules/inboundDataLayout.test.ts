import * as assert from 'node:assert/strict';
import { applyFixAndRelint, inboundText, issuesOf, onlyIssue } from '../lintHelpers';

const RULE = 'postal/inbound-data-layout';

describe('postal/inbound-data-layout', () => {
  it("accepts base64 laid out as Ruby's Base64.encode64, and empty data", () => {
    assert.deepEqual(issuesOf(inboundText('hash'), RULE), []);
    assert.deepEqual(issuesOf(inboundText('raw'), RULE), []);
    assert.deepEqual(issuesOf(inboundText('hash', (payload) => { payload.attachments[0].data = ''; payload.attachments[0].size = 0; }), RULE), []);
  });

  it('re-wraps attachment data written on one line, with the final newline Postal adds', () => {
    const bytes = Buffer.alloc(100, 7);
    const text = inboundText('hash', (payload) => { payload.attachments[0].data = bytes.toString('base64'); payload.attachments[0].size = 100; });
    assert.match(onlyIssue(text, RULE).message, /attachments\[0\]\.data is base64, but it is on one line/);
    const fixed = JSON.parse(applyFixAndRelint(text, RULE)).attachments[0].data as string;
    assert.deepEqual(fixed.split('\n').map((line) => line.length), [60, 60, 16, 0]);
    assert.deepEqual(Buffer.from(fixed, 'base64'), bytes);
  });

  it('re-wraps a raw message written with other line lengths, and leaves text that is not base64 to the schema', () => {
    const text = inboundText('raw', (payload) => { payload.message = (payload.message as string).replace(/\n/g, '').replace(/(.{76})/g, '$1\n'); });
    assert.match(applyFixAndRelint(text, RULE), /"message": "[A-Za-z0-9+/]{60}\\n/);
    const broken = inboundText('raw', (payload) => { payload.message = 'not base64 at all!'; });
    assert.deepEqual(issuesOf(broken, RULE), []);
    assert.match(onlyIssue(broken, 'postal/schema').message, /message must be base64 with a newline every 60 characters/);
  });
});
