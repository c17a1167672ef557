import { type LintRule } from '../rule';
import { barePayload } from './barePayload';
import { dnsStatusError } from './dnsStatusError';
import { duplicateKey } from './duplicateKey';
import { fieldLength } from './fieldLength';
import { heldConnectionFields } from './heldConnectionFields';
import { inboundAttachments } from './inboundAttachments';
import { inboundDataLayout } from './inboundDataLayout';
import { inboundMessageId } from './inboundMessageId';
import { inboundTypes } from './inboundTypes';
import { invalidUuid } from './invalidUuid';
import { jsonSyntax } from './jsonSyntax';
import { schema } from './schema';
import { sendLimit } from './sendLimit';
import { statusMismatch } from './statusMismatch';
import { timestampMilliseconds } from './timestampMilliseconds';
import { timestampOrder } from './timestampOrder';
import { tokenLength } from './tokenLength';
import { unknownEvent } from './unknownEvent';
import { unknownKey } from './unknownKey';

/**
 * Every rule, in the order they run. The settings schema in package.json, the README table
 * and the tests all derive from this list. `postal/schema` runs last: it skips paths a more
 * specific rule has already reported.
 */
export const LINT_RULES: readonly LintRule[] = [
  jsonSyntax,
  duplicateKey,
  barePayload,
  unknownEvent,
  statusMismatch,
  timestampMilliseconds,
  timestampOrder,
  dnsStatusError,
  sendLimit,
  heldConnectionFields,
  fieldLength,
  tokenLength,
  invalidUuid,
  inboundTypes,
  inboundMessageId,
  inboundDataLayout,
  inboundAttachments,
  unknownKey,
  schema,
];

export function ruleById(id: string): LintRule | undefined {
  return LINT_RULES.find((rule) => rule.id === id);
}
