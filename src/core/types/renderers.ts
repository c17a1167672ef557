import { renderGo } from './renderGo';
import { type RenderOptions } from './renderOptions';
import { renderPhp } from './renderPhp';
import { renderPython } from './renderPython';
import { renderRuby } from './renderRuby';
import { renderTypeScript } from './renderTypeScript';
import { type TypeLanguage } from './typeLanguages';
import { type TypeModel } from './typeModel';

/**
 * One generator per language. They take the model and import nothing of the event model
 * themselves, so the editor can load them on demand without loading anything else again.
 */
export const RENDERERS: Record<TypeLanguage, (model: TypeModel, options: RenderOptions) => string> = {
  ts: renderTypeScript,
  python: renderPython,
  go: renderGo,
  php: renderPhp,
  ruby: renderRuby,
};

/** A whole source file of every payload type in `model`, documented, in `language`. */
export function renderTypeFile(language: TypeLanguage, model: TypeModel, version: string): string {
  return RENDERERS[language](model, { docs: true, standalone: true, version });
}
