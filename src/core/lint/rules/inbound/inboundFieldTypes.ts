import { type LintRule } from '../../rule';
import { fixes, rangeOfValue, setValueFix, valueIn } from '../support';
import { inboundFormat } from './inboundSupport';

/**
 * `size` is a string in the Hash format (Postal stores it in a varchar column) and an integer in
 * the RawMessage format; a handler written for one breaks on the other (`size + 1` is "12821").
 */
export const inboundSizeType: LintRule = {
  id: 'postal/inbound-size-type',
  defaultSeverity: 'error',
  description: 'An inbound e-mail whose size has the other format\'s type: a string in the Hash format, an integer in RawMessage.',
  check(context) {
    const format = inboundFormat(context);
    const size = valueIn(context, ['size']);
    if (format === 'hash' && typeof size === 'number' && Number.isInteger(size)) {
      context.report({
        range: rangeOfValue(context, ['size']),
        path: ['size'],
        message: `size is the number ${size}, but in the Hash format Postal sends it as a string ("${size}"): it stores the size as text, so a handler doing arithmetic on it must convert it`,
        fixes: fixes(setValueFix(context, ['size'], String(size), `Make it the string "${size}", as Postal sends it`)),
      });
    }
    if (format === 'raw' && typeof size === 'string' && /^\d+$/.test(size)) {
      context.report({
        range: rangeOfValue(context, ['size']),
        path: ['size'],
        message: `size is the string "${size}", but in the RawMessage format Postal sends it as an integer (only the Hash format sends a string)`,
        fixes: fixes(setValueFix(context, ['size'], Number(size), `Make it the number ${size}, as Postal sends it`)),
      });
    }
  },
};

/** `received_with_ssl` is only ever set to true; plain SMTP leaves the column NULL. */
export const inboundSslFalse: LintRule = {
  id: 'postal/inbound-ssl-false',
  defaultSeverity: 'error',
  description: 'received_with_ssl is false, which Postal never sends: it is true after STARTTLS and null otherwise.',
  check(context) {
    if (inboundFormat(context) !== 'hash' || valueIn(context, ['received_with_ssl']) !== false) return;
    context.report({
      range: rangeOfValue(context, ['received_with_ssl']),
      path: ['received_with_ssl'],
      message: 'received_with_ssl is never false: Postal sends true for mail that came over TLS and null for the rest, so a handler testing for false never sees it',
      fixes: fixes(setValueFix(context, ['received_with_ssl'], null, 'Make it null, as Postal sends it for mail without TLS')),
    });
  },
};

/** `reply_to` is every Reply-To header (`headers["reply-to"]`, no `.last`): an array. */
export const inboundReplyTo: LintRule = {
  id: 'postal/inbound-reply-to',
  defaultSeverity: 'error',
  description: 'reply_to is a string; Postal sends every Reply-To header as an array of strings (or null).',
  check(context) {
    const replyTo = valueIn(context, ['reply_to']);
    if (inboundFormat(context) !== 'hash' || typeof replyTo !== 'string') return;
    context.report({
      range: rangeOfValue(context, ['reply_to']),
      path: ['reply_to'],
      message: 'reply_to is a string, but Postal sends an array of every Reply-To header (unlike to, cc and from, which are the last header of their name)',
      fixes: fixes(setValueFix(context, ['reply_to'], [replyTo], 'Put it in an array, as Postal sends it')),
    });
  },
};
