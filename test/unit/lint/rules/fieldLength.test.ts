import * as assert from 'node:assert/strict';
import { applyFixAndRelint, flagged, inboundText, issuesOf, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/field-length';

describe('postal/field-length', () => {
  it('accepts details and output up to 250 characters and a subject up to 200', () => {
    const text = sampleText('MessageSent', (envelope) => {
      envelope.payload.details = 'd'.repeat(250);
      envelope.payload.output = 'o'.repeat(250);
      envelope.payload.message.subject = 's'.repeat(200);
    });
    assert.deepEqual(issuesOf(text, RULE), []);
  });

  it('points at details longer than Postal stores and cuts them as Postal does', () => {
    const long = `Permanent SMTP delivery error when sending to 1.2.3.4:25 ${'x'.repeat(300)}`;
    const text = sampleText('MessageDeliveryFailed', (envelope) => { envelope.payload.details = long; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), JSON.stringify(long));
    assert.match(issue.message, /details has 357 characters/);
    assert.equal(JSON.parse(applyFixAndRelint(text, RULE)).payload.details, long.slice(0, 250));
  });

  it('cuts the subject of an inbound e-mail to the 200 characters Postal keeps, without a second schema error', () => {
    const text = inboundText('hash', (payload) => { payload.subject = 's'.repeat(201); });
    assert.equal(JSON.parse(applyFixAndRelint(text, RULE)).subject.length, 200);
    assert.deepEqual(issuesOf(text, 'postal/schema'), []);
  });

  it('checks output and the subject of every message object', () => {
    const sent = sampleText('MessageDelayed', (envelope) => { envelope.payload.output = 'o'.repeat(251); });
    applyFixAndRelint(sent, RULE);
    const bounced = sampleText('MessageBounced', (envelope) => { envelope.payload.bounce.subject = 'Undelivered: '.padEnd(201, '!'); });
    assert.equal(JSON.parse(applyFixAndRelint(bounced, RULE)).payload.bounce.subject.length, 200);
  });
});
