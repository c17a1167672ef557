import { type InboundFormat } from '../../inbound/inboundFormat';
import { isPlainObject } from '../../jsonValue';
import { type RuleContext } from '../rule';
import { type JsonPath } from '../types';

/** The format of an inbound document, or undefined for any other document. */
export function inboundFormat(context: RuleContext): InboundFormat | undefined {
  return context.shape.kind === 'inbound' ? context.shape.format : undefined;
}

/** The body's attachments with their paths (Hash format only). */
export function attachmentsOf(context: RuleContext): { path: JsonPath; attachment: Record<string, unknown> }[] {
  const root = context.doc.value;
  const list = isPlainObject(root) && Array.isArray(root.attachments) ? root.attachments : [];
  return list.flatMap((attachment, index) => (isPlainObject(attachment) ? [{ path: ['attachments', index] as JsonPath, attachment }] : []));
}
