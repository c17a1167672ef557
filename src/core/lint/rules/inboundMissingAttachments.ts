import { isPlainObject } from '../../jsonValue';
import { type LintRule } from '../rule';
import { numberAt, rangeOfValue } from './support';
import { attachmentsOf, inboundFormat } from './inboundSupport';

/**
 * More attachments counted than sent is real (a known Postal bug, postalserver/postal#2727): a message that is a single
 * file, not multipart, counts one attachment and sends none. A handler must cope with it.
 */
export const inboundMissingAttachments: LintRule = {
  id: 'postal/inbound-missing-attachments',
  defaultSeverity: 'info',
  description: 'attachment_quantity above the attachments sent: real for a message that is a single file (a known Postal bug, postalserver/postal#2727); handlers must cope.',
  check(context) {
    const root = context.doc.value;
    if (inboundFormat(context) !== 'hash' || !isPlainObject(root) || !Array.isArray(root.attachments)) return;
    const quantity = numberAt(context, ['attachment_quantity']);
    const sent = attachmentsOf(context).length;
    if (quantity === undefined || !Number.isInteger(quantity) || quantity <= sent) return;
    context.report({
      range: rangeOfValue(context, ['attachment_quantity']),
      message: `attachment_quantity is ${quantity} but ${sent} attachment${sent === 1 ? ' is' : 's are'} here. Postal really sends this for a message that is only a file, not multipart (a known Postal bug, postalserver/postal#2727): a handler must not expect one entry per counted attachment, and the RawMessage format keeps the file`,
    });
  },
};
