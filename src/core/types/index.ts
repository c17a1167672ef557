import { renderTypeFile } from './renderers';
import { type TypeLanguage } from './typeLanguages';
import { buildTypeModel } from './typeModel';

/**
 * Postal's payload types in the languages apps are written in, generated from the event model
 * (`postal-webhooks types --lang …`, **Copy Postal Types…**, and the handler snippets' types).
 */
export function renderTypes(language: TypeLanguage, version: string): string {
  return renderTypeFile(language, buildTypeModel(), version);
}

export { isTypeLanguage, TYPE_LANGUAGES, type TypeLanguage, typeFilePath } from './typeLanguages';
export { buildTypeModel, type TypeModel } from './typeModel';
export { type RenderOptions } from './renderOptions';
export { renderGo } from './renderGo';
export { renderPython } from './renderPython';
export { renderTypeScript } from './renderTypeScript';
