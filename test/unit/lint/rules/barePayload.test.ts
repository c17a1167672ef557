import * as assert from 'node:assert/strict';
import { FIXED_UUID, NOW_MS, applyFixAndRelint, compact, flagged, issuesOf, lint, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/bare-payload';

function bare(event: Parameters<typeof sampleText>[0]): string {
  return JSON.stringify(JSON.parse(sampleText(event)).payload, null, 2);
}

describe('postal/bare-payload', () => {
  it('leaves a full envelope alone', () => {
    assert.deepEqual(issuesOf(sampleText('MessageSent'), RULE), []);
  });

  it('recognises the inner payload of each kind of event, as Postal’s docs print it', () => {
    for (const event of ['MessageSent', 'MessageBounced', 'MessageLinkClicked', 'MessageLoaded', 'DomainDNSError', 'SendLimitExceeded'] as const) {
      const issue = onlyIssue(bare(event), RULE);
      assert.match(issue.message, new RegExp(`bare payload of a ${event} event`));
    }
  });

  it('underlines the start of the document up to the first key', () => {
    const text = bare('MessageLoaded');
    assert.equal(flagged(text, onlyIssue(text, RULE)), '{\n  "message"');
  });

  it('checks the bare payload against its event schema with payload-relative paths', () => {
    const text = bare('MessageSent').replace(/"details": [^\n]+\n/, '');
    const schemaIssues = lint(text).filter((issue) => issue.rule === 'postal/schema');
    assert.equal(schemaIssues.length, 1);
    assert.match(schemaIssues[0].message, /^details is missing/);
  });

  it('wraps a pretty payload in an envelope with the injected time and uuid, keeping its layout', () => {
    const text = bare('MessageDelayed');
    const fixed = applyFixAndRelint(text, RULE);
    const envelope = JSON.parse(fixed) as Record<string, unknown>;
    assert.deepEqual(Object.keys(envelope), ['event', 'timestamp', 'payload', 'uuid']);
    assert.equal(envelope.event, 'MessageDelayed');
    assert.equal(envelope.timestamp, NOW_MS / 1000);
    assert.equal(envelope.uuid, FIXED_UUID);
    assert.deepEqual(envelope.payload, JSON.parse(text));
    assert.ok(fixed.includes('  "payload": {\n    "message": {\n      "id"'), fixed);
    assert.deepEqual(lint(fixed).filter((issue) => issue.rule === 'postal/schema'), []);
  });

  it('wraps a compact payload on one line', () => {
    const fixed = applyFixAndRelint(compact(bare('MessageLoaded')), RULE);
    assert.ok(!fixed.includes('\n'));
    assert.equal((JSON.parse(fixed) as { event: string }).event, 'MessageLoaded');
  });
});
