import { decode64, encode64, isRubyBase64 } from '../../inbound/rubyBase64';
import { type LintRule, type RuleContext } from '../rule';
import { type JsonPath } from '../types';
import { fixes, rangeOfValue, setValueFix, stringAt } from './support';
import { attachmentsOf, inboundFormat } from './inboundSupport';

/**
 * Postal writes base64 with Ruby's `Base64.encode64`: a newline after every 60 characters and at
 * the end. Data written any other way (one line, no final newline) is not what a handler gets.
 * Text that is not base64 at all is left to `postal/schema`.
 */
export const inboundDataLayout: LintRule = {
  id: 'postal/inbound-data-layout',
  defaultSeverity: 'warning',
  description: "Attachment data or a raw message in base64 laid out unlike Postal's (Ruby's Base64.encode64: a newline every 60 characters and at the end).",
  check(context) {
    const format = inboundFormat(context);
    if (format === 'raw') check(context, ['message'], 'message');
    if (format === 'hash') for (const { path } of attachmentsOf(context)) check(context, [...path, 'data'], `attachments[${String(path[1])}].data`);
  },
};

function check(context: RuleContext, path: JsonPath, name: string): void {
  const text = stringAt(context, path);
  if (text === undefined || isRubyBase64(text)) return;
  const bytes = decode64(text);
  if (bytes === undefined) return;
  const layout = text.includes('\n') ? 'its lines are not 60 characters each with a newline at the end' : 'it is on one line without a final newline';
  context.report({
    range: rangeOfValue(context, path),
    path,
    message: `${name} is base64, but ${layout}: Postal writes it as Ruby's Base64.encode64 does, a newline after every 60 characters and at the end`,
    fixes: fixes(setValueFix(context, path, encode64(bytes), 'Lay it out as Postal does')),
  });
}
