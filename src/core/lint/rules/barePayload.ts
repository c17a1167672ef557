import { type EventName } from '../../events';
import { detectLayout } from '../layout';
import { type LintRule, type RuleContext } from '../rule';
import { type LintFix, type TextRange } from '../types';

/**
 * Postal's docs and its history page show only the inner payload, so fixtures often hold just
 * that. Postal itself always POSTs the envelope around it; a handler fed bare payloads in tests
 * will look for `payload` in vain on real requests.
 */
export const barePayload: LintRule = {
  id: 'postal/bare-payload',
  defaultSeverity: 'warning',
  description: 'A bare inner payload, as Postal\'s docs show it; Postal always sends it inside {event, timestamp, payload, uuid}.',
  check(context) {
    if (context.shape.kind !== 'bare-payload') return;
    const root = context.tree();
    if (!root) return;
    const event = context.shape.event;
    const firstKey = root.children?.[0]?.children?.[0];
    const range: TextRange = { offset: root.offset, length: (firstKey ? firstKey.offset + firstKey.length : root.offset + 1) - root.offset };
    context.report({
      range,
      message: `This is the bare payload of a ${event} event; Postal always sends it wrapped: {"event", "timestamp", "payload", "uuid"}`,
      fixes: [wrapFix(context, event, root.offset, root.length)],
    });
  },
};

/** Wraps the payload text, formatting untouched, in an envelope with a fresh uuid and the current time. */
function wrapFix(context: RuleContext, event: EventName, offset: number, length: number): LintFix {
  const layout = detectLayout(context.text);
  const timestamp = context.now() / 1000;
  const uuid = context.randomUuid();
  const field = (key: string, value: string) => JSON.stringify(key) + layout.colon + value;
  const original = context.text.slice(offset, offset + length);
  if (!layout.multiline) {
    const body = [field('event', JSON.stringify(event)), field('timestamp', String(timestamp)), field('payload', original), field('uuid', JSON.stringify(uuid))];
    return { title: `Wrap in a ${event} envelope`, edits: [{ offset, length, newText: `{${body.join(layout.comma)}}` }], preferred: true };
  }
  const { eol, indentUnit: unit } = layout;
  const indented = original.split(/\r?\n/).join(eol + unit);
  const newText = [
    `{${eol}${unit}${field('event', JSON.stringify(event))},`,
    `${unit}${field('timestamp', String(timestamp))},`,
    `${unit}${field('payload', indented)},`,
    `${unit}${field('uuid', JSON.stringify(uuid))}${eol}}`,
  ].join(eol);
  return { title: `Wrap in a ${event} envelope`, edits: [{ offset, length, newText }], preferred: true };
}
