import { renderGo } from './renderGo';
import { type RenderOptions } from './renderOptions';
import { renderPhp } from './renderPhp';
import { renderPython } from './renderPython';
import { renderRuby } from './renderRuby';
import { renderTypeScript } from './renderTypeScript';
import { buildTypeModel, type TypeModel } from './typeModel';

/**
 * Postal's payload types in the languages apps are written in, generated from the event model
 * (`postal-webhooks types --lang …`, **Copy Postal Types…**, and the handler snippets' types).
 */
export const TYPE_LANGUAGES = {
  ts: { label: 'TypeScript', editorLanguage: 'typescript', fileName: 'postalWebhooks.ts', render: renderTypeScript },
  python: { label: 'Python', editorLanguage: 'python', fileName: 'postal_webhooks.py', render: renderPython },
  go: { label: 'Go', editorLanguage: 'go', fileName: 'postal_webhooks.go', render: renderGo },
  php: { label: 'PHP', editorLanguage: 'php', fileName: 'PostalWebhooks.php', render: renderPhp },
  ruby: { label: 'Ruby', editorLanguage: 'ruby', fileName: 'postal_webhooks.rb', render: renderRuby },
} as const satisfies Record<string, { label: string; editorLanguage: string; fileName: string; render: (model: TypeModel, options: RenderOptions) => string }>;

export type TypeLanguage = keyof typeof TYPE_LANGUAGES;

export function isTypeLanguage(value: string): value is TypeLanguage {
  return Object.hasOwn(TYPE_LANGUAGES, value);
}

/** A whole source file of every payload type, documented, in `language`. */
export function renderTypes(language: TypeLanguage, version: string): string {
  return TYPE_LANGUAGES[language].render(buildTypeModel(), { docs: true, standalone: true, version });
}

export { buildTypeModel, type TypeModel } from './typeModel';
export { type RenderOptions } from './renderOptions';
export { renderGo, renderPhp, renderPython, renderRuby, renderTypeScript };
export { renderPhpShapes, renderRubyShapes } from './renderShapes';
