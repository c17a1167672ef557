import { type LintRule, type RuleContext } from '../rule';
import { type JsonPath } from '../types';
import { fixes, rangeOfValue, setValueFix, stringAt } from './support';
import { inboundFormat } from './inboundSupport';

/**
 * `message_id` loses its angle brackets (`message.rb` strips them) while `in_reply_to` and
 * `references` keep those of their headers: matching a reply to its message means adding them.
 */
export const inboundMessageId: LintRule = {
  id: 'postal/inbound-message-id',
  defaultSeverity: 'warning',
  description: 'message_id with angle brackets, or in_reply_to without: Postal strips them from the first and keeps them in the second.',
  check(context) {
    if (inboundFormat(context) !== 'hash') return;
    const messageId = stringAt(context, ['message_id']);
    if (messageId !== undefined && /[<>]/.test(messageId)) {
      const bare = messageId.replace(/.*</, '').replace(/>.*/, '').trim();
      report(context, ['message_id'], `message_id has angle brackets, which Postal strips from the Message-ID ("${bare}"); in_reply_to keeps them, so compare with care`, bare, 'Remove the angle brackets, as Postal does');
    }
    const inReplyTo = stringAt(context, ['in_reply_to']);
    if (inReplyTo !== undefined && inReplyTo.trim() !== '' && !/^<.*>$/.test(inReplyTo)) {
      const bracketed = `<${inReplyTo.trim()}>`;
      report(context, ['in_reply_to'], `in_reply_to has no angle brackets, but Postal sends the In-Reply-To header as it is, brackets included ("${bracketed}")`, bracketed, 'Add the angle brackets, as the header has them');
    }
  },
};

function report(context: RuleContext, path: JsonPath, message: string, value: string, title: string): void {
  context.report({ range: rangeOfValue(context, path), path, message, fixes: fixes(setValueFix(context, path, value, title)) });
}
