import { looksLikeBarePayload } from '../../events';
import { type LintRule } from '../rule';
import { suggestEvents } from './eventSuggestions';
import { changeEventFix, fixes, rangeOfValue } from './support';

/**
 * An `event` Postal never sends. The payload often tells which event was meant (a `status`
 * of "Sent" is a MessageSent), so that guess comes first; then spellings and synonyms.
 */
export const unknownEvent: LintRule = {
  id: 'postal/unknown-event',
  defaultSeverity: 'error',
  description: 'The event name is not one of the 10 Postal sends; suggests the one meant.',
  check(context) {
    if (context.shape.kind !== 'envelope' || context.event) return;
    const name = (context.doc.value as Record<string, unknown>).event;
    if (typeof name !== 'string') return;
    const fromPayload = looksLikeBarePayload(context.payload);
    const suggestions = [...new Set([...(fromPayload ? [fromPayload] : []), ...suggestEvents(name)])].slice(0, 3);
    const hint = suggestions.length > 0 ? ` Did you mean ${orList(suggestions)}?` : '';
    context.report({
      range: rangeOfValue(context, ['event']),
      path: ['event'],
      message: `"${name.slice(0, 60)}" is not an event Postal sends.${hint}`,
      fixes: fixes(...suggestions.map((event, index) => changeEventFix(context, event, index === 0))),
    });
  },
};

/** `A`, `A or B`, `A, B or C`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
