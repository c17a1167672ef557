import { decode64 } from '../../../inbound/rubyBase64';
import { type LintRule } from '../../rule';
import { fixes, numberAt, rangeOfValue, setValueFix, stringAt } from '../support';
import { attachmentsOf, inboundFormat } from './inboundSupport';

/**
 * What a Hash says of its attachments must add up: Postal counts every attachment it sends, and
 * each `size` is the length of its decoded data. (Fewer attachments than counted is real: see
 * `postal/inbound-missing-attachments`.)
 */
export const inboundAttachments: LintRule = {
  id: 'postal/inbound-attachments',
  defaultSeverity: 'warning',
  description: 'attachment_quantity below the attachments sent, or an attachment size that is not the length of its decoded data.',
  check(context) {
    if (inboundFormat(context) !== 'hash') return;
    const attachments = attachmentsOf(context);
    const quantity = numberAt(context, ['attachment_quantity']);
    if (quantity !== undefined && Number.isInteger(quantity) && quantity < attachments.length) {
      context.report({
        range: rangeOfValue(context, ['attachment_quantity']),
        path: ['attachment_quantity'],
        message: `attachment_quantity is ${quantity} but ${attachments.length} attachments are here; Postal counts every attachment it sends`,
        fixes: fixes(setValueFix(context, ['attachment_quantity'], attachments.length, `Set it to ${attachments.length}`)),
      });
    }
    for (const { path } of attachments) {
      const sizePath = [...path, 'size'];
      const size = numberAt(context, sizePath);
      const data = stringAt(context, [...path, 'data']);
      const decoded = data === undefined ? undefined : decode64(data);
      if (size === undefined || decoded === undefined || size === decoded.length) continue;
      context.report({
        range: rangeOfValue(context, sizePath),
        path: sizePath,
        message: `size is ${size} but the data decodes to ${decoded.length} bytes; Postal sends the decoded size`,
        fixes: fixes(setValueFix(context, sizePath, decoded.length, `Set it to ${decoded.length}`)),
      });
    }
  },
};

/**
 * More attachments counted than sent is real (Postal issue #2727): a message that is a single
 * file, not multipart, counts one attachment and sends none. A handler must cope with it.
 */
export const inboundMissingAttachments: LintRule = {
  id: 'postal/inbound-missing-attachments',
  defaultSeverity: 'info',
  description: 'attachment_quantity above the attachments sent: real for a message that is a single file (Postal issue #2727); handlers must cope.',
  check(context) {
    if (inboundFormat(context) !== 'hash') return;
    const quantity = numberAt(context, ['attachment_quantity']);
    const root = context.doc.value as Record<string, unknown> | undefined;
    if (quantity === undefined || !Number.isInteger(quantity) || root === undefined || !Array.isArray(root.attachments)) return;
    const sent = attachmentsOf(context).length;
    if (quantity <= sent) return;
    context.report({
      range: rangeOfValue(context, ['attachment_quantity']),
      message: `attachment_quantity is ${quantity} but ${sent} attachment${sent === 1 ? ' is' : 's are'} here. Postal really sends this for a message that is only a file, not multipart (Postal issue #2727): a handler must not expect one entry per counted attachment, and the RawMessage format keeps the file`,
    });
  },
};
