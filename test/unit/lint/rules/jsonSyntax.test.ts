import * as assert from 'node:assert/strict';
import { applyFixAndRelint, flagged, issuesOf, onlyIssue, sampleText } from '../lintHelpers';

const RULE = 'postal/json-syntax';
const SENT = sampleText('MessageSent');

describe('postal/json-syntax', () => {
  it('accepts a well-formed body', () => {
    assert.deepEqual(issuesOf(SENT, RULE), []);
  });

  it('points at a trailing comma in an object and removes it', () => {
    const text = SENT.replace(/("time": [^\n]+)\n/, '$1,\n');
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), ',');
    assert.match(issue.message, /Trailing comma/);
    JSON.parse(applyFixAndRelint(text, RULE));
  });

  it('points at a trailing comma in an array', () => {
    const text = '{"event":"MessageSent","list":[1,2,]}';
    const issue = onlyIssue(text, RULE);
    assert.equal(issue.offset, text.indexOf(',]'));
    JSON.parse(applyFixAndRelint(text, RULE));
  });

  it('reports a comment as not JSON, with its exact span, and removes a comment on its own line whole', () => {
    const text = SENT.replace('  "uuid"', '  // the id Postal dedupes on\n  "uuid"');
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '// the id Postal dedupes on');
    assert.match(issue.message, /Comments are not allowed/);
    assert.equal(applyFixAndRelint(text, RULE), SENT);
  });

  it('removes an inline block comment and the space before it', () => {
    const text = '{"event": "MessageSent" /* from logs */, "x": 1}';
    assert.equal(flagged(text, onlyIssue(text, RULE)), '/* from logs */');
    assert.equal(applyFixAndRelint(text, RULE), '{"event": "MessageSent", "x": 1}');
  });

  it('inserts a missing comma after the previous value', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    const issue = onlyIssue(text, RULE);
    assert.equal(flagged(text, issue), '"b"');
    assert.equal(applyFixAndRelint(text, RULE), '{\n  "a": 1,\n  "b": 2\n}');
  });

  it('quotes an unquoted property name and lowercases Python-style literals', () => {
    assert.equal(applyFixAndRelint('{event: "MessageSent"}', RULE), '{"event": "MessageSent"}');
    assert.equal(applyFixAndRelint('{"sent_with_ssl": True}', RULE), '{"sent_with_ssl": true}');
    assert.equal(applyFixAndRelint('{"tag": None}', RULE), '{"tag": null}');
  });

  it('removes a doubled comma', () => {
    assert.equal(applyFixAndRelint('{"a": 1,, "b": 2}', RULE), '{"a": 1, "b": 2}');
  });

  it('reports an unterminated string once, not the parser recovering after it', () => {
    const text = '{"subject": "Your order\n has shipped", "tag": null}';
    const issue = onlyIssue(text, RULE);
    assert.match(issue.message, /Unterminated string/);
  });

  it('reports independent errors on different lines, one per line', () => {
    const text = '{\n  "a": 1,,\n  "b": tru,\n  "c": 3,\n}';
    const issues = issuesOf(text, RULE);
    assert.deepEqual(issues.map((issue) => flagged(text, issue)), [',', 'tru', ',']);
  });

  it('explains an empty document and a second body after the first', () => {
    assert.match(onlyIssue('', RULE).message, /empty/);
    assert.match(onlyIssue('{"a":1}\n{"b":2}', RULE).message, /\.postal\.jsonl/);
  });

  it('makes an unclosed object visible at the last character instead of a zero-width spot', () => {
    const text = '{"event": "MessageSent"';
    const issue = onlyIssue(text, RULE);
    assert.equal(issue.length, 1);
    assert.equal(issue.offset, text.length - 1);
  });

  it('names invalid escapes, numbers and control characters', () => {
    assert.match(onlyIssue('{"a": "\\x41"}', RULE).message, /Invalid escape/);
    assert.match(onlyIssue('{"a": 01}', RULE).message, /start with 0/);
    assert.match(onlyIssue('{"a": "tab\there"}', RULE).message, /Control characters/);
  });
});
