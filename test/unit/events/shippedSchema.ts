import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { JSON_SCHEMA_FILE } from '../../../src/core/events/jsonSchemaFiles';
import { REPO_ROOT } from './eventFixtures';

/** Annotation keywords VS Code's JSON language service reads; validators must not reject them. */
export const VSCODE_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets', 'patternErrorMessage'];

export const SHIPPED_SCHEMA_TEXT = readFileSync(join(REPO_ROOT, JSON_SCHEMA_FILE), 'utf8');

/**
 * The committed JSON Schema compiled by Ajv's draft-07 class in strict mode, with every warning
 * collected, so a test can insist there are none.
 */
export function compileShippedSchema(): { validate: ValidateFunction; warnings: string[] } {
  const warnings: string[] = [];
  const collect = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  const ajv = new Ajv({ strict: true, allErrors: true, logger: { log: collect, warn: collect, error: collect } });
  ajv.addVocabulary(VSCODE_KEYWORDS);
  const validate = ajv.compile(JSON.parse(SHIPPED_SCHEMA_TEXT) as object);
  return { validate, warnings };
}
