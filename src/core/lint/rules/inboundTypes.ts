import { type LintRule, type RuleContext } from '../rule';
import { type JsonPath, type LintFix } from '../types';
import { fixes, rangeOfValue, setValueFix, valueIn } from './support';
import { inboundFormat } from './inboundSupport';

/**
 * Types Postal's inbound e-mail never has, each a trap for a handler written against a guess:
 * `size` is a string in the Hash format (a varchar column) but an integer in RawMessage;
 * `received_with_ssl` is true or null, never false; `reply_to` is an array of every Reply-To.
 */
export const inboundTypes: LintRule = {
  id: 'postal/inbound-types',
  defaultSeverity: 'error',
  description: 'A field typed as Postal never sends it in inbound e-mail: size a number in a Hash (a string in RawMessage), received_with_ssl false, reply_to a string.',
  check(context) {
    const format = inboundFormat(context);
    const size = valueIn(context, ['size']);
    if (format === 'hash' && typeof size === 'number' && Number.isInteger(size)) {
      report(context, ['size'], `size is the number ${size}, but in the Hash format Postal sends it as a string ("${size}"): it stores the size as text, so a handler doing arithmetic on it must convert it`, setValueFix(context, ['size'], String(size), `Make it the string "${size}", as Postal sends it`));
    }
    if (format === 'raw' && typeof size === 'string' && /^\d+$/.test(size)) {
      report(context, ['size'], `size is the string "${size}", but in the RawMessage format Postal sends it as an integer (only the Hash format sends a string)`, setValueFix(context, ['size'], Number(size), `Make it the number ${size}, as Postal sends it`));
    }
    if (format !== 'hash') return;
    if (valueIn(context, ['received_with_ssl']) === false) {
      report(context, ['received_with_ssl'], 'received_with_ssl is never false: Postal sends true for mail that came over TLS and null for the rest, so a handler testing for false never sees it', setValueFix(context, ['received_with_ssl'], null, 'Make it null, as Postal sends it for mail without TLS'));
    }
    const replyTo = valueIn(context, ['reply_to']);
    if (typeof replyTo === 'string') {
      report(context, ['reply_to'], 'reply_to is a string, but Postal sends an array of every Reply-To header (unlike to, cc and from, which are the last header of their name)', setValueFix(context, ['reply_to'], [replyTo], 'Put it in an array, as Postal sends it'));
    }
  },
};

function report(context: RuleContext, path: JsonPath, message: string, fix: LintFix | undefined): void {
  context.report({ range: rangeOfValue(context, path), path, message, fixes: fixes(fix) });
}
