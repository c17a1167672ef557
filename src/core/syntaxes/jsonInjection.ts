import { DELIVERY_STATUSES, DNS_STATUSES, EVENT_NAMES } from '../events';
import { alternatives, type InjectionGrammar } from './textMate';

export const JSON_INJECTION_SCOPE = 'source.json.postal-webhooks';
export const JSON_INJECTION_FILE = 'syntaxes/postal-json.injection.tmLanguage.json';
/** VS Code's grammars for json, jsonc and jsonl, which the injection applies to. */
export const JSON_BASE_SCOPES = ['source.json', 'source.json.comments', 'source.json.lines'];

/** A JSON string value that is exactly one of `words`, followed by what may end a value. */
function stringValue(words: readonly string[], name: string): InjectionGrammar['patterns'][number] {
  return {
    match: `(")(${alternatives(words)})(")(?=\\s*(?:,|\\}|\\]|$))`,
    name: `string.quoted.double.json ${name}`,
    captures: {
      '1': { name: 'punctuation.definition.string.begin.json' },
      '3': { name: 'punctuation.definition.string.end.json' },
    },
  };
}

/**
 * Marks Postal's event names and status values where they stand as JSON values, so they stand
 * out in payload files. The words come from the event model, so a new event is covered at once.
 * Theme colours: `entity.name.type` for events, `constant.language` for statuses.
 */
export function buildJsonInjectionGrammar(): InjectionGrammar {
  return {
    $comment: 'Generated from src/core/events by `npm run generate:grammars`; do not edit.',
    scopeName: JSON_INJECTION_SCOPE,
    injectionSelector: 'L:meta.structure.dictionary.value.json -string -comment',
    patterns: [
      stringValue(EVENT_NAMES, 'entity.name.type.event.postal'),
      stringValue(DELIVERY_STATUSES, 'constant.language.status.delivery.postal'),
      stringValue(DNS_STATUSES, 'constant.language.status.dns.postal'),
    ],
  };
}
