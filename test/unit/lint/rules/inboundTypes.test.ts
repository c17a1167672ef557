import * as assert from 'node:assert/strict';
import { applyFixAndRelint, flagged, inboundText, issuesOf, lint, onlyIssue } from '../lintHelpers';

const RULE = 'postal/inbound-types';

describe('postal/inbound-types', () => {
  it('accepts the types Postal really sends, in both formats', () => {
    assert.deepEqual(lint(inboundText('hash')), []);
    assert.deepEqual(lint(inboundText('raw')), []);
    assert.deepEqual(issuesOf(inboundText('hash', (payload) => { payload.received_with_ssl = null; payload.reply_to = null; }), RULE), []);
  });

  it('makes a numeric Hash size the string Postal sends, and a Raw size text the integer it sends', () => {
    const hash = inboundText('hash', (payload) => { payload.size = 1282; });
    const issue = onlyIssue(hash, RULE);
    assert.equal(flagged(hash, issue), '1282');
    assert.match(issue.message, /in the Hash format Postal sends it as a string \("1282"\)/);
    assert.equal(JSON.parse(applyFixAndRelint(hash, RULE)).size, '1282');
    const raw = inboundText('raw', (payload) => { payload.size = String(payload.size); });
    assert.equal(typeof JSON.parse(applyFixAndRelint(raw, RULE)).size, 'number');
  });

  it('turns received_with_ssl false into the null Postal sends, and a reply_to string into an array', () => {
    const ssl = inboundText('hash', (payload) => { payload.received_with_ssl = false; });
    assert.match(onlyIssue(ssl, RULE).message, /never false/);
    assert.equal(JSON.parse(applyFixAndRelint(ssl, RULE)).received_with_ssl, null);
    const replyTo = inboundText('hash', (payload) => { payload.reply_to = 'John <john@example.net>'; });
    assert.deepEqual(JSON.parse(applyFixAndRelint(replyTo, RULE)).reply_to, ['John <john@example.net>']);
  });

  it('leaves the schema rule silent where it has said it better', () => {
    const text = inboundText('hash', (payload) => { payload.size = 1282; payload.received_with_ssl = false; });
    assert.deepEqual(issuesOf(text, 'postal/schema'), []);
    assert.equal(issuesOf(text, RULE).length, 2);
  });
});
