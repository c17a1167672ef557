import * as assert from 'node:assert/strict';
import { flagged, issuesOf, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/token-length';

describe('postal/token-length', () => {
  it('accepts Postal 3 tokens and Postal 2 tokens', () => {
    assert.deepEqual(issuesOf(sampleText('MessageLinkClicked'), RULE), []);
    const v2 = sampleText('MessageLinkClicked', (envelope) => {
      envelope.payload.message.token = 'abcdefABCDEF';
      envelope.payload.token = 'VJzsFA0S';
    });
    assert.deepEqual(issuesOf(v2, RULE), []);
  });

  it('points at a message token of a length Postal never makes', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.payload.message.token = 'abcdef123'; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '"abcdef123"');
    assert.match(issue.message, /message token is 16 characters in Postal 3 \(12 in Postal 2\); this one has 9/);
  });

  it('points at a link token of the wrong length', () => {
    const text = sampleText('MessageLinkClicked', (envelope) => { envelope.payload.token = 'abc'; });
    assert.match(onlyIssue(text, RULE).message, /link token is 16 characters in Postal 3 \(8 in Postal 2\)/);
  });

  it('points at the Postal 2 token when a payload mixes versions', () => {
    const text = sampleText('MessageBounced', (envelope) => { envelope.payload.bounce.token = 'abcdefABCDEF'; });
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '"abcdefABCDEF"');
    assert.match(issue.message, /Postal 2's length \(12\)/);
  });
});
