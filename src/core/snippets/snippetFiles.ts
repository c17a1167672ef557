import { buildTypeModel, renderGo, renderPython, renderTypeScript, TYPE_LANGUAGES, type TypeLanguage, typeFilePath, type TypeModel } from '../types';
import { renderJsDoc } from '../types/renderJsDoc';
import { renderTypeFile } from '../types/renderers';
import { PACKAGE_VERSION } from '../../version';
import { renderPhpShapes, renderRubyShapes } from '../types/renderShapes';
import { buildEventSnippets } from './eventSnippets';
import { buildHandlerSnippets, type HandlerManifest } from './handlerSnippets';
import { buildInboundSnippets } from './inboundSnippets';
import { snippetFileText } from './snippetSyntax';

/** A file `npm run generate:snippets` writes, relative to the repository root. */
export interface GeneratedFile {
  path: string;
  content: string;
}

export const HANDLER_TEMPLATES_DIR = 'scripts/snippets/handlers';
export const GENERATE_SNIPPETS_COMMAND = 'npm run generate:snippets';
/** The JSON payload snippets: one per event and sample variant, and the inbound e-mail bodies. */
export const EVENT_SNIPPETS_FILE = 'snippets/postal.code-snippets.json';

/**
 * Every snippet file the extension ships, built from its sources: the event catalog for the
 * JSON payload snippets and the handler templates for the code snippets. The generator script
 * writes them and a unit test compares them with the committed files, so they cannot drift.
 * `readRepoFile` reads a file by its path relative to the repository root.
 */
export function generatedSnippetFiles(readRepoFile: (path: string) => string): GeneratedFile[] {
  const manifest = JSON.parse(readRepoFile(`${HANDLER_TEMPLATES_DIR}/handlers.json`)) as HandlerManifest;
  const model = buildTypeModel();
  const handlers = buildHandlerSnippets(manifest, (name) => readRepoFile(`${HANDLER_TEMPLATES_DIR}/${name}`), (language) => typeParts(model, language));
  return [
    { path: EVENT_SNIPPETS_FILE, content: snippetFileText({ ...buildEventSnippets(), ...buildInboundSnippets() }) },
    ...Object.entries(handlers).map(([language, file]) => ({ path: `snippets/handlers-${language}.code-snippets.json`, content: snippetFileText(file) })),
  ];
}

/**
 * The payload types in every language, as shipped files: the editor copies them from there, so
 * the generators stay out of the extension's bundle (the CLI's `types` command runs them).
 */
export function generatedTypeFiles(model: TypeModel = buildTypeModel()): GeneratedFile[] {
  return (Object.keys(TYPE_LANGUAGES) as TypeLanguage[]).map((language) => ({ path: typeFilePath(language), content: renderTypeFile(language, model, PACKAGE_VERSION) }));
}

/** The `{{> types}}` part of each language's handler templates: the payloads, short, from the event model. */
export function typeParts(model: TypeModel, language: string): Record<string, string> {
  const compact = { docs: false, standalone: false, version: '' };
  switch (language) {
    case 'typescript':
      return { types: renderTypeScript(model, compact) };
    case 'javascript':
      return { types: renderJsDoc(model) };
    case 'python':
      return { types: renderPython(model, compact) };
    case 'go':
      return { types: renderGo(model, compact) };
    case 'php':
      return { types: renderPhpShapes(model) };
    case 'ruby':
      return { types: renderRubyShapes(model) };
    default:
      return {};
  }
}
