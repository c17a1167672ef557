// The JSON Schemas generated from the event model: the shipped schema file with its snippets, and
// the editor's schema. Used by the schema generator and the tests; the extension ships the files.
export * from './jsonSchema';
export { buildEditorSchema, EDITOR_SCHEMA_FILE, renderEditorSchema } from './editorSchema';
export { type DefaultSnippet, defaultSnippets } from './jsonSchemaSnippets';
