import { decode64 } from '../../inbound/rubyBase64';
import { isPlainObject } from '../../jsonValue';
import { type LintRule, type RuleContext } from '../rule';
import { fixes, numberAt, rangeOfValue, setValueFix, stringAt } from './support';
import { attachmentsOf, inboundFormat } from './inboundSupport';

/**
 * What a Hash says of its attachments must be what Postal writes: `attachment_quantity` and
 * `attachments` come from the same list (`message.attachments`), each `size` is the length of
 * the decoded data, and in JSON `content_type` is the bare MIME type (only a form carries the
 * whole header value). A message that is a single file, not multipart, has no attachments in
 * the Hash at all, and 0 counted (postalserver/postal#2727): only a RawMessage carries the file.
 */
export const inboundAttachments: LintRule = {
  id: 'postal/inbound-attachments',
  defaultSeverity: 'warning',
  description: 'Attachments Postal would not describe so: attachment_quantity unlike the attachments sent, a size that is not the decoded length, a content_type with parameters in JSON.',
  check(context) {
    if (inboundFormat(context) !== 'hash') return;
    const root = context.doc.value;
    const count = attachmentsOf(context).length;
    const quantity = numberAt(context, ['attachment_quantity']);
    const sent = isPlainObject(root) && Array.isArray(root.attachments);
    if (sent && quantity !== undefined && Number.isInteger(quantity) && quantity !== count) {
      context.report({
        range: rangeOfValue(context, ['attachment_quantity']),
        path: ['attachment_quantity'],
        message: `attachment_quantity is ${quantity} but ${count} attachment${count === 1 ? ' is' : 's are'} here; Postal counts and sends the same attachments (without attachment data it leaves "attachments" out)`,
        fixes: fixes(setValueFix(context, ['attachment_quantity'], count, `Set it to ${count}`)),
      });
    }
    for (const { path } of attachmentsOf(context)) {
      checkSize(context, path);
      checkContentType(context, path);
    }
  },
};

function checkSize(context: RuleContext, path: readonly (string | number)[]): void {
  const sizePath = [...path, 'size'];
  const size = numberAt(context, sizePath);
  const data = stringAt(context, [...path, 'data']);
  const decoded = data === undefined ? undefined : decode64(data);
  if (size === undefined || decoded === undefined || size === decoded.length) return;
  context.report({
    range: rangeOfValue(context, sizePath),
    path: sizePath,
    message: `size is ${size} but the data decodes to ${decoded.length} bytes; Postal sends the decoded size`,
    fixes: fixes(setValueFix(context, sizePath, decoded.length, `Set it to ${decoded.length}`)),
  });
}

function checkContentType(context: RuleContext, path: readonly (string | number)[]): void {
  const typePath = [...path, 'content_type'];
  const value = stringAt(context, typePath);
  if (value === undefined || !value.includes(';')) return;
  const bare = value.split(';')[0].trim().toLowerCase();
  context.report({
    range: rangeOfValue(context, typePath),
    path: typePath,
    message: `content_type has parameters, but in JSON Postal sends the bare MIME type ("${bare}"); the whole Content-Type value comes only in form encoding`,
    fixes: fixes(setValueFix(context, typePath, bare, `Keep only "${bare}", as Postal's JSON does`)),
  });
}
