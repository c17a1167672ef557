import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../../src/core/lint';
import { applyFixAndRelint, fixNamed, flagged, issuesOf, sampleText } from '../lintHelpers';

const RULE = 'postal/held-connection-fields';

describe('postal/held-connection-fields', () => {
  it('accepts held and internally failed deliveries as Postal sends them', () => {
    assert.deepEqual(issuesOf(sampleText('MessageHeld'), RULE), []);
    assert.deepEqual(issuesOf(sampleText('MessageDeliveryFailed'), RULE), []);
  });

  it('points at each connection field of a held message and fixes them one by one', () => {
    let text = sampleText('MessageHeld', (envelope) => {
      envelope.payload.sent_with_ssl = false;
      envelope.payload.time = 0.3;
      envelope.payload.output = '250 OK';
    });
    const issues = issuesOf(text, RULE);
    assert.deepEqual(issues.map((issue) => flagged(text, issue)), ['false', '0.3', '"250 OK"']);
    for (const expected of [2, 1, 0]) {
      text = applyEdits(text, fixNamed(issuesOf(text, RULE)[0]).edits);
      assert.equal(issuesOf(text, RULE).length, expected);
    }
    const payload = JSON.parse(text).payload;
    assert.deepEqual([payload.sent_with_ssl, payload.time, payload.output], [null, null, '']);
  });

  it('recognises HardFails Postal decides itself by their details', () => {
    const text = sampleText('MessageDeliveryFailed', (envelope) => {
      envelope.payload.details = 'Message is likely spam. Threshold is 5.0 and the message scored 7.2.';
      envelope.payload.sent_with_ssl = null;
      envelope.payload.time = null;
      envelope.payload.output = '550 rejected';
    });
    const fixed = applyFixAndRelint(text, RULE);
    assert.equal(JSON.parse(fixed).payload.output, '');
  });

  it('leaves SMTP HardFails with a connection alone', () => {
    const text = sampleText('MessageDeliveryFailed', (envelope) => {
      envelope.payload.details = 'Permanent SMTP delivery error when sending to 1.2.3.4:25 (mx.example.net)';
      envelope.payload.sent_with_ssl = true;
      envelope.payload.time = 1.2;
    });
    assert.deepEqual(issuesOf(text, RULE), []);
  });
});
