import * as assert from 'node:assert/strict';
import { applyFixAndRelint, compact, flagged, inboundText, issuesOf, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/unknown-key';

describe('postal/unknown-key', () => {
  it('accepts every key Postal sends, in every event', () => {
    for (const event of ['MessageSent', 'MessageBounced', 'MessageLinkClicked', 'MessageLoaded', 'DomainDNSError', 'SendLimitExceeded'] as const) {
      assert.deepEqual(issuesOf(sampleText(event), RULE), []);
    }
  });

  it('points at an extra key, greys it out, and removes it with its comma', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.payload.message.campaign = 'spring'; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '"campaign"');
    assert.deepEqual(issue.tags, ['unnecessary']);
    assert.match(issue.message, /Postal never sends "campaign" in payload\.message; a handler that depends on it will break on real events/);
    assert.equal(applyFixAndRelint(text, RULE), sampleText('MessageSent'));
  });

  it('checks the envelope, the server object and compact lines', () => {
    const text = compact(sampleText('SendLimitExceeded', (envelope) => {
      envelope.signature = 'abc';
      envelope.payload.server.region = 'eu';
    }));
    assert.equal(issuesOf(text, RULE).length, 2);
  });

  it('offers renaming a near-miss of a missing key as the preferred fix', () => {
    const text = sampleText('MessageLoaded', (envelope) => {
      envelope.payload.ipAddress = envelope.payload.ip_address;
      delete envelope.payload.ip_address;
    });
    const issue = onlyIssue(text, RULE);
    assert.match(issue.message, /did you mean "ip_address"/);
    assert.deepEqual(issue.fixes?.map((fix) => [fix.title, fix.preferred]), [['Rename to "ip_address"', true], ['Remove "ipAddress"', false]]);
    const fixed = applyFixAndRelint(text, RULE);
    assert.ok(Object.hasOwn(JSON.parse(fixed).payload, 'ip_address'));
  });

  it('checks the keys of an inbound e-mail and of each of its attachments', () => {
    const text = inboundText('hash', (payload) => {
      payload.headers = {};
      delete payload.attachments[0].content_type;
      payload.attachments[0].contentType = 'text/plain';
    });
    const issues = issuesOf(text, RULE);
    assert.deepEqual(issues.map((issue) => flagged(text, issue)), ['"headers"', '"contentType"']);
    assert.match(issues[1].message, /in attachments\.0; .* \(did you mean "content_type"\?\)/);
    const raw = inboundText('raw', (payload) => { payload.token = 'abc'; });
    assert.match(onlyIssue(raw, RULE).message, /Postal never sends "token"/);
  });

  it('checks only the envelope keys when the event is unknown', () => {
    const text = sampleText('MessageSent', (envelope) => {
      envelope.event = 'Custom';
      envelope.payload.extra = 1;
      envelope.extra = 1;
    });
    assert.equal(issuesOf(text, RULE).length, 1);
  });
});
