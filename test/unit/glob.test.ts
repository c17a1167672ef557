import * as assert from 'node:assert/strict';
import { globBase, globMatcher, isGlob } from '../../src/core/glob';

describe('glob matcher', () => {
  const matches = (pattern: string, path: string, matchBase = false) => globMatcher(pattern, { matchBase })(path);

  it('matches * within one folder only', () => {
    assert.ok(matches('fixtures/*.json', 'fixtures/sent.json'));
    assert.ok(!matches('fixtures/*.json', 'fixtures/deep/sent.json'));
    assert.ok(!matches('*.json', 'a/b.json'));
  });

  it('matches ** across any number of folders, including none', () => {
    assert.ok(matches('**/*.postal.json', 'sent.postal.json'));
    assert.ok(matches('**/*.postal.json', 'a/b/c/sent.postal.json'));
    assert.ok(matches('test/**/x.json', 'test/x.json'));
    assert.ok(matches('test/**/x.json', 'test/a/b/x.json'));
    assert.ok(!matches('test/**/x.json', 'other/x.json'));
    assert.ok(matches('test/**', 'test/a/b'));
  });

  it('supports ?, {a,b} and character classes', () => {
    assert.ok(matches('event?.json', 'event1.json'));
    assert.ok(!matches('event?.json', 'event12.json'));
    assert.ok(matches('*.{json,jsonl}', 'a.jsonl'));
    assert.ok(!matches('*.{json,jsonl}', 'a.txt'));
    assert.ok(matches('[ab]*.json', 'b1.json'));
    assert.ok(!matches('[!ab]*.json', 'b1.json'));
    assert.ok(matches('[a-c].json', 'c.json'));
  });

  it('treats regular-expression characters literally', () => {
    assert.ok(matches('a+b(1).json', 'a+b(1).json'));
    assert.ok(!matches('a.json', 'abjson'));
  });

  it('matches a slash-free pattern against the file name anywhere with matchBase', () => {
    assert.ok(matches('*.webhook.json', 'deep/down/x.webhook.json', true));
    assert.ok(!matches('*.webhook.json', 'deep/down/x.webhook.json', false));
  });

  it('accepts Windows separators and a leading ./', () => {
    assert.ok(matches('./fixtures/*.json', 'fixtures\\a.json'));
  });

  it('finds the folder a walk should start from', () => {
    assert.equal(globBase('test/fixtures/**/*.json'), 'test/fixtures');
    assert.equal(globBase('*.json'), '.');
    assert.equal(globBase('a/b/c.json'), 'a/b');
    assert.ok(isGlob('a/*.json') && !isGlob('a/b.json'));
  });
});
