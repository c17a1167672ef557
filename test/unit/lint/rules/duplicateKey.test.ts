import * as assert from 'node:assert/strict';
import { applyFixAndRelint, compact, flagged, issuesOf, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/duplicate-key';
const SENT = sampleText('MessageSent');

describe('postal/duplicate-key', () => {
  it('finds no duplicates in a real body', () => {
    assert.deepEqual(issuesOf(SENT, RULE), []);
    assert.deepEqual(issuesOf(compact(SENT), RULE), []);
  });

  it('points at the earlier occurrence, the one JSON.parse drops, and removes it', () => {
    const text = SENT.replace('"status": "Sent",', '"status": "Held",\n    "status": "Sent",');
    const issue = onlyIssue(text, RULE);
    assert.equal(issue.offset, text.indexOf('"status": "Held"'));
    assert.equal(flagged(text, issue), '"status"');
    assert.equal(applyFixAndRelint(text, RULE), SENT);
  });

  it('finds duplicates in nested objects of a compact line', () => {
    const text = compact(SENT).replace('"direction":"outgoing"', '"direction":"incoming","direction":"outgoing"');
    const issue = onlyIssue(text, RULE);
    assert.equal(issue.offset, text.indexOf('"direction":"incoming"'));
    assert.equal(applyFixAndRelint(text, RULE), compact(SENT));
  });

  it('reports every earlier copy of a key repeated three times', () => {
    const text = '{"a": 1, "a": 2, "a": 3}';
    assert.equal(issuesOf(text, RULE).length, 2);
  });

  it('still finds duplicates in text that does not parse', () => {
    const text = '{"a": 1, "a": 2,}';
    assert.equal(issuesOf(text, RULE).length, 1);
  });
});
