export { lintDocument, lintDocumentIncrementally, jsonlLines, type IncrementalControl, type JsonlLine } from './lintDocument';
export { fixAll, fixAllEdit, preferredFix, type FixAllResult } from './fixAll';
export { applyEdits } from './edits';
export { looksLikePostalText, POSTAL_SNIFF_CHARS } from './looksLikePostalText';
export { createLineIndex, type LineColumn } from './lineIndex';
export { LINT_RULES, ruleById } from './rules';
export { isRuleId, RULE_IDS } from './ruleIds';
export { type LintRule } from './rule';
export * from './types';
