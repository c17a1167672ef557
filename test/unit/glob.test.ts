import * as assert from 'node:assert/strict';
import { compileGlob, globProblem, isGlob, MAX_STARS_PER_NAME, splitGlob } from '../../src/core/glob';

describe('glob patterns (picomatch)', () => {
  const matches = (pattern: string, path: string, matchBase = false): boolean => {
    const compiled = compileGlob(pattern, { matchBase });
    if (!compiled.ok) assert.fail(compiled.message);
    return compiled.matches(path);
  };

  it('matches * within one folder only', () => {
    assert.ok(matches('fixtures/*.json', 'fixtures/sent.json'));
    assert.ok(!matches('fixtures/*.json', 'fixtures/deep/sent.json'));
    assert.ok(!matches('*.json', 'a/b.json'));
  });

  it('matches ** across any number of folders, including none, hidden ones too', () => {
    assert.ok(matches('**/*.postal.json', 'sent.postal.json'));
    assert.ok(matches('**/*.postal.json', 'a/b/c/sent.postal.json'));
    assert.ok(matches('**/*.postal.json', '.fixtures/sent.postal.json'));
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
    assert.ok(!matches('[^ab]*.json', 'b1.json'));
    assert.ok(matches('[a-c].json', 'c.json'));
  });

  it('treats regular-expression characters literally, extglobs included', () => {
    assert.ok(matches('a+b.json', 'a+b.json'));
    assert.ok(!matches('a.json', 'abjson'));
    assert.ok(matches('+(a|b).json', '+(a|b).json'));
    assert.ok(!matches('+(a|b).json', 'ab.json'));
  });

  it('matches a slash-free pattern against the file name anywhere with matchBase', () => {
    assert.ok(matches('*.webhook.json', 'deep/down/x.webhook.json', true));
    assert.ok(!matches('*.webhook.json', 'deep/down/x.webhook.json', false));
  });

  it('accepts Windows separators and a leading ./', () => {
    assert.ok(matches('./fixtures/*.json', 'fixtures\\a.json'));
  });

  it('splits a pattern into the folder to search and the pattern within it', () => {
    assert.deepEqual(splitGlob('test/fixtures/**/*.json'), { base: 'test/fixtures', glob: '**/*.json' });
    assert.deepEqual(splitGlob('*.json'), { base: '.', glob: '*.json' });
    assert.deepEqual(splitGlob('../up/*.json'), { base: '../up', glob: '*.json' });
    assert.deepEqual(splitGlob('/abs/olute/**/x.json'), { base: '/abs/olute', glob: '**/x.json' });
    assert.ok(isGlob('a/*.json') && !isGlob('a/b.json') && isGlob('a[1].json'));
  });

  it(`refuses more than ${MAX_STARS_PER_NAME} * in one name, and answers a pathological pattern at once`, () => {
    assert.equal(globProblem('**/*-webhook-*.json'), undefined);
    assert.match(globProblem('*a*a*a*a*a*a*a*a*a*a*b') ?? '', /has 11 \* in one name .*use at most 2/);
    const refused = compileGlob('x/*a*a*a*b/*.json');
    assert.equal(refused.ok, false);
    // The longest name a file system allows, almost matching: the worst a pattern allowed here meets.
    const worst = compileGlob('*a*b', { matchBase: true });
    assert.ok(worst.ok);
    const started = performance.now();
    assert.equal(worst.matches(`dir/${'a'.repeat(255)}`), false);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
  });
});
