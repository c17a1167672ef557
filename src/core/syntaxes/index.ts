// TextMate grammars the extension ships in syntaxes/, built from the event model.
export { buildJsonInjectionGrammar, JSON_BASE_SCOPES, JSON_INJECTION_FILE, JSON_INJECTION_SCOPE } from './jsonInjection';
export { buildLogInjectionGrammar, LOG_INJECTION_FILE, LOG_INJECTION_SCOPE } from './logInjection';
export { type InjectionGrammar, renderGrammar } from './textMate';
