import * as assert from 'node:assert/strict';
import { applyFixAndRelint, flagged, issuesOf, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/dns-status-error';

function dns(statuses: Partial<Record<'spf' | 'dkim' | 'mx' | 'return_path', [string, string | null]>>): string {
  return sampleText('DomainDNSError', (envelope) => {
    for (const [check, [status, error]] of Object.entries(statuses)) {
      envelope.payload[`${check}_status`] = status;
      envelope.payload[`${check}_error`] = error;
    }
  });
}

describe('postal/dns-status-error', () => {
  it('accepts the combinations Postal produces', () => {
    assert.deepEqual(issuesOf(sampleText('DomainDNSError'), RULE), []);
    assert.deepEqual(issuesOf(dns({ spf: ['OK', null], dkim: ['OK', null], mx: ['Invalid', 'You have MX records but none of them point to us.'], return_path: ['OK', null] }), RULE), []);
  });

  it('points at an error text next to an OK status and clears it', () => {
    const text = dns({ spf: ['OK', 'No SPF record exists for this domain'] });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '"No SPF record exists for this domain"');
    const fixed = applyFixAndRelint(text, RULE);
    assert.equal(JSON.parse(fixed).payload.spf_error, null);
  });

  it('points at a null error next to a failed status and fills in Postal’s text', () => {
    const text = dns({ spf: ['Missing', null] });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), 'null');
    const fixed = applyFixAndRelint(text, RULE);
    assert.equal(JSON.parse(fixed).payload.spf_error, 'No SPF record exists for this domain');
  });

  it('reports a DomainDNSError in which nothing is wrong', () => {
    const text = dns({ spf: ['OK', null], dkim: ['OK', null], mx: ['OK', null], return_path: ['OK', null] });
    const issue = onlyIssue(text, RULE);
    assert.match(issue.message, /All four DNS checks are OK/);
    assert.equal(flagged(text, issue), '"payload"');
  });

  it('knows a Missing MX or return path alone does not trigger the event', () => {
    const text = dns({ spf: ['OK', null], dkim: ['OK', null], mx: ['Missing', 'There are no MX records for acme.example'], return_path: ['OK', null] });
    assert.match(onlyIssue(text, RULE).message, /Missing MX or return-path record alone/);
  });
});
