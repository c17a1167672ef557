import * as assert from 'node:assert/strict';
import { eventDocumentText, prettyEnvelope } from '../../../src/core/explorer';
import { brokenRecord, postalRecord, sample } from './explorerRecords';

describe('event documents', () => {
  it('pretty-prints the envelope as it came, key order kept', () => {
    const envelope = sample('MessageSent');
    const text = prettyEnvelope(postalRecord(envelope));
    assert.equal(text, `${JSON.stringify(envelope, null, 2)}\n`);
  });

  it('shows a body that is not JSON as it came', () => {
    const record = brokenRecord();
    assert.equal(prettyEnvelope(record), undefined);
    assert.equal(eventDocumentText(record), record.body.data);
  });
});
