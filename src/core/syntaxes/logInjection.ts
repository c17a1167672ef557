import { EVENT_NAMES } from '../events';
import { alternatives, type InjectionGrammar, type TextMateRule } from './textMate';

export const LOG_INJECTION_SCOPE = 'text.log.postal-webhooks';
export const LOG_INJECTION_FILE = 'syntaxes/postal-log.injection.tmLanguage.json';

/** Scopes the built-in log grammar also uses, so themes colour both alike. */
const GOOD = 'markup.inserted.postal';
const WARN = 'markup.deleted.postal';
const BAD = 'string.regexp.error.postal';
const QUIET = 'comment.postal';

function rule(match: string, name: string): TextMateRule {
  return { match, name };
}

/**
 * Colours the extension's log output (a LogOutputChannel, whose language is VS Code's `log`):
 * the component prefix, and in each request line (see `formatRecordLine`) the method and path,
 * the event, the signature and schema verdicts, our status code, the app's answer and what
 * Postal would do next. Green is fine, orange needs a look, red is broken.
 */
export function buildLogInjectionGrammar(): InjectionGrammar {
  return {
    $comment: 'Generated from src/core/events by `npm run generate:grammars`; do not edit. Matches the lines of formatRecordLine.',
    scopeName: LOG_INJECTION_SCOPE,
    injectionSelector: 'L:text.log',
    patterns: [
      rule('(?<=\\] )\\[[a-z][a-z-]*\\](?= )', 'entity.name.tag.component.postal'),
      {
        match: '\\b(POST|GET|HEAD|PUT|PATCH|DELETE|OPTIONS) (/\\S*)',
        captures: { '1': { name: 'keyword.other.method.postal' }, '2': { name: 'string.unquoted.path.postal' } },
      },
      rule(`\\b(?:${alternatives(EVENT_NAMES)})\\b`, 'entity.name.type.event.postal'),
      rule('\\((?:invalid-json|not-postal|too-large|rejected)\\)', WARN),
      rule('signature ✓(?: sha256| sha1| dev key)?', GOOD),
      rule('signature ✗ (?:invalid|malformed|body changed|other key)', BAD),
      rule('signature missing', WARN),
      rule('signature unchecked \\(no key\\)', QUIET),
      rule('schema ✓', GOOD),
      rule('schema ✗ \\d+ issues?', BAD),
      rule('invalid JSON', BAD),
      rule('empty body', WARN),
      rule('retry #\\d+', WARN),
      rule('→ 2\\d\\d(?: after \\d+ms)?', GOOD),
      rule('→ [13]\\d\\d(?: after \\d+ms)?', WARN),
      rule('→ [45]\\d\\d(?: after \\d+ms)?', BAD),
      rule('\\(Postal retries in \\d+ min\\)', WARN),
      rule('\\(Postal gives up\\)', BAD),
      rule('app 2\\d\\d \\d+ms', GOOD),
      rule('app [1345]\\d\\d \\d+ms', BAD),
      rule('app ✗ [a-z]+ \\d+ms', BAD),
      rule('app …', QUIET),
    ],
  };
}
