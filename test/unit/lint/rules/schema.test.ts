import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../../src/core/lint';
import { FIXED_UUID, applyFixAndRelint, compact, flagged, inboundText, issuesOf, lint, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/schema';

describe('postal/schema', () => {
  it('accepts every sample of every event', () => {
    for (const event of ['MessageSent', 'MessageDelayed', 'MessageDeliveryFailed', 'MessageHeld', 'MessageBounced', 'MessageLinkClicked', 'MessageLoaded', 'DomainDNSError', 'SendLimitApproaching', 'SendLimitExceeded'] as const) {
      assert.deepEqual(lint(sampleText(event)), [], event);
    }
  });

  it('points at the value of a wrong type and at a value outside an enum', () => {
    const text = sampleText('MessageSent', (envelope) => {
      envelope.payload.message.id = '48213';
      envelope.payload.message.direction = 'outbound';
    });
    const issues = issuesOf(text, RULE);
    assert.deepEqual(issues.map((issue) => flagged(text, issue)), ['"48213"', '"outbound"']);
    assert.match(issues[1].message, /"outgoing" or "incoming"/);
  });

  it('points at the parent key of a missing field and inserts the field in Postal’s order', () => {
    const text = sampleText('MessageSent', (envelope) => { delete envelope.payload.message.token; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '"message"');
    assert.match(issue.message, /token is missing/);
    const fixed = applyFixAndRelint(text, RULE);
    const message = JSON.parse(fixed).payload.message;
    assert.deepEqual(Object.keys(message).slice(0, 3), ['id', 'token', 'direction']);
    assert.match(message.token, /^[A-Za-z0-9]{16}$/);
    assert.ok(fixed.includes('      "id": '), 'keeps the indentation');
  });

  it('inserts a whole missing object, indented like the document', () => {
    const text = sampleText('MessageLoaded', (envelope) => { delete envelope.payload.message; });
    const fixed = applyFixAndRelint(text, RULE);
    assert.deepEqual(Object.keys(JSON.parse(fixed).payload), ['message', 'ip_address', 'user_agent']);
    assert.deepEqual(lint(fixed), []);
  });

  it('inserts a missing envelope uuid (fresh) and timestamps that fit the others', () => {
    const noUuid = sampleText('MessageSent', (envelope) => { delete envelope.uuid; });
    assert.equal(flagged(noUuid, onlyIssue(noUuid, RULE)), '{');
    assert.equal(JSON.parse(applyFixAndRelint(noUuid, RULE)).uuid, FIXED_UUID);
    const noDeliveryTime = sampleText('MessageSent', (envelope) => { delete envelope.payload.timestamp; });
    const fixed = applyFixAndRelint(noDeliveryTime, RULE);
    assert.deepEqual(lint(fixed), []);
  });

  it('keeps a compact line compact when inserting', () => {
    const text = compact(sampleText('MessageSent', (envelope) => { delete envelope.payload.details; }));
    const fixed = applyFixAndRelint(text, RULE);
    assert.ok(!fixed.includes('\n'));
    assert.ok(fixed.includes('"status":"Sent","details":'));
  });

  it('infers a missing event from the payload', () => {
    const text = sampleText('MessageBounced', (envelope) => { delete envelope.event; });
    const issue = onlyIssue(text, RULE);
    assert.match(issue.message, /event is missing/);
    assert.equal(JSON.parse(applyFixAndRelint(text, RULE)).event, 'MessageBounced');
  });

  it('checks an inbound e-mail against its format, inserting a missing field where Postal puts it', () => {
    const text = inboundText('hash', (payload) => { delete payload.spam_status; payload.bounce = 'no'; });
    const issues = issuesOf(text, RULE);
    assert.deepEqual(issues.map((issue) => issue.message), [
      'spam_status is missing (Postal always sends it)',
      'bounce must be true or false, got "no" (a string)',
    ]);
    const fixed = JSON.parse(applyEdits(text, issues[0].fixes?.[0]?.edits ?? [])) as Record<string, unknown>;
    assert.deepEqual(Object.keys(fixed).slice(7, 10), ['size', 'spam_status', 'bounce']);
    assert.equal(fixed.spam_status, 'NotSpam');
  });

  it('checks a RawMessage too, where base64 is always true', () => {
    const issue = onlyIssue(inboundText('raw', (payload) => { payload.base64 = 'yes'; }), RULE);
    assert.equal(issue.message, 'base64 must be true, got "yes" (Postal always sends true)');
  });

  it('reports a root that is not an object, and a document nested absurdly deep', () => {
    assert.match(onlyIssue('[1, 2]', RULE).message, /must be a JSON object/);
    const deep = `{"event": ${'['.repeat(100)}${']'.repeat(100)}}`;
    assert.match(onlyIssue(deep, RULE).message, /Nested 101 levels deep/);
  });
});
