import * as assert from 'node:assert/strict';
import { applyEdits, fixAll, fixAllEdit, lintDocument, lintDocumentIncrementally } from '../../../src/core/lint';
import { compact, flagged, lint, sampleText, TEST_OPTIONS } from './lintHelpers';

const SENT = compact(sampleText('MessageSent'));
const HELD = compact(sampleText('MessageHeld'));

describe('lintDocument', () => {
  it('lints each JSONL line on its own and maps offsets back to the document', () => {
    const broken = HELD.replace('"status":"Held"', '"status":"Sent"');
    const text = `${SENT}\n\n${broken}\r\n  \n${SENT.replace('"event":"MessageSent"', '"event":"MessageOpened"')}\n`;
    const issues = lint(text, { format: 'jsonl' });
    assert.deepEqual(issues.map((issue) => [issue.rule, flagged(text, issue)]), [
      ['postal/status-mismatch', '"Sent"'],
      ['postal/unknown-event', '"MessageOpened"'],
    ]);
    const fixed = applyEdits(text, issues.flatMap((issue) => issue.fixes?.[0]?.edits ?? []));
    assert.deepEqual(lint(fixed, { format: 'jsonl' }), []);
  });

  it('treats a multi-line body in a JSONL file as broken lines', () => {
    const issues = lint(sampleText('MessageSent'), { format: 'jsonl' });
    assert.ok(issues.length > 0 && issues.every((issue) => issue.rule === 'postal/json-syntax'));
  });

  it('applies severity overrides and drops rules that are off', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.payload.extra = 1; });
    assert.equal(lint(text)[0].severity, 'warning');
    assert.equal(lint(text, { rules: { 'postal/unknown-key': 'hint' } })[0].severity, 'hint');
    assert.deepEqual(lint(text, { rules: { 'postal/unknown-key': 'off' } }), []);
  });

  it('stays quiet about a value whose specific rule is off, rather than falling back to the schema', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.payload.status = 'Held'; });
    assert.deepEqual(lint(text, { rules: { 'postal/status-mismatch': 'off' } }), []);
  });

  it('lints a large JSONL document in slices and gives the same result', async () => {
    const lines = Array.from({ length: 3000 }, (_, index) => (index % 100 === 7 ? HELD.replace('"Held"', '"Sent"') : SENT));
    const text = lines.join('\n');
    const sliced = await lintDocumentIncrementally(text, { ...TEST_OPTIONS, format: 'jsonl' }, { sliceMs: 1 });
    assert.deepEqual(sliced, lintDocument(text, { ...TEST_OPTIONS, format: 'jsonl' }));
    assert.equal(sliced?.length, 30);
  });

  it('abandons a sliced run when told the text changed', async () => {
    const text = Array.from({ length: 3000 }, () => SENT).join('\n');
    const result = await lintDocumentIncrementally(text, { format: 'jsonl' }, { sliceMs: 0, isCancelled: () => true });
    assert.equal(result, undefined);
  });
});

describe('fixAll', () => {
  it('applies every preferred fix until the document is clean', () => {
    const text = [
      '{',
      '  // copied from the logs',
      '  "event": "MessageDelivered",',
      '  "timestamp": 1714567891533,',
      '  "payload": {',
      '    "message": {"id": 1, "direction": "outgoing", "message_id": null, "to": "a@b.example", "from": null, "subject": null, "timestamp": 1714567890.1, "spam_status": "NotChecked", "tag": null, "tag": null},',
      '    "status": "Sent",',
      '    "details": "ok",',
      '    "output": "250 OK",',
      '    "sent_with_ssl": true,',
      '    "timestamp": 1714567891.4,',
      '    "time": 0.4,',
      '    "extra": true,',
      '  },',
      '  "uuid": "nope"',
      '}',
    ].join('\n');
    const { text: fixed, applied } = fixAll(text, TEST_OPTIONS);
    assert.deepEqual(lint(fixed), [], fixed);
    assert.ok(applied >= 7);
    const envelope = JSON.parse(fixed);
    assert.equal(envelope.event, 'MessageSent');
    assert.equal(envelope.timestamp, 1714567891.533);
    assert.match(envelope.payload.message.token, /^[A-Za-z0-9]{16}$/);
  });

  it('returns one edit covering only the changed stretch, or nothing when clean', () => {
    const text = sampleText('MessageSent', (envelope) => { envelope.payload.status = 'Held'; });
    const edit = fixAllEdit(text, TEST_OPTIONS);
    assert.deepEqual(edit && { newText: edit.newText, length: edit.length }, { newText: 'Sent', length: 4 });
    assert.equal(fixAllEdit(sampleText('MessageSent'), TEST_OPTIONS), undefined);
  });
});
