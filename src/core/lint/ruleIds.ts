/**
 * The id of every lint rule, in the order they run: what settings are checked against without
 * loading the rules themselves (the editor loads the linter only when a document needs it).
 * A unit test keeps this list equal to the ids of `LINT_RULES`.
 */
export const RULE_IDS = [
  'postal/json-syntax',
  'postal/duplicate-key',
  'postal/bare-payload',
  'postal/unknown-event',
  'postal/status-mismatch',
  'postal/timestamp-milliseconds',
  'postal/timestamp-order',
  'postal/dns-status-error',
  'postal/send-limit',
  'postal/held-connection-fields',
  'postal/field-length',
  'postal/token-length',
  'postal/invalid-uuid',
  'postal/unknown-key',
  'postal/schema',
] as const;

export function isRuleId(id: string): boolean {
  return (RULE_IDS as readonly string[]).includes(id);
}
