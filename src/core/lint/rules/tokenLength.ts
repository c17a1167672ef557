import { TOKEN_LENGTHS, type TokenKind } from '../../events';
import { type LintRule, type RuleContext } from '../rule';
import { type JsonPath } from '../types';
import { isPlainObject } from '../../jsonValue';
import { inPayload, messageKeys, rangeOfValue } from './support';

type Version = 'v2' | 'v3';

interface FoundToken {
  path: JsonPath;
  kind: TokenKind;
  token: string;
  version: Version | undefined;
}

/**
 * Message tokens are 12 characters in Postal 2 and 16 in Postal 3; link tokens 8 and 16. A token
 * of any other length, or a payload mixing the two versions, was not made by Postal.
 */
export const tokenLength: LintRule = {
  id: 'postal/token-length',
  defaultSeverity: 'warning',
  description: 'A message or link token of a length Postal never makes (v2: 12 / 8, v3: 16), or v2 and v3 tokens mixed.',
  check(context) {
    const tokens = findTokens(context);
    for (const found of tokens) {
      if (found.version) continue;
      const { v2, v3 } = TOKEN_LENGTHS[found.kind];
      context.report({
        range: rangeOfValue(context, found.path),
        message: `A ${found.kind} token is ${v3} characters in Postal 3 (${v2} in Postal 2); this one has ${found.token.length}`,
      });
    }
    const versions = new Set(tokens.map((found) => found.version).filter((version) => version !== undefined));
    if (versions.size < 2) return;
    const minority = tokens.filter((found) => found.version === 'v2');
    for (const found of minority) {
      context.report({
        range: rangeOfValue(context, found.path),
        message: `This ${found.kind} token has Postal 2's length (${found.token.length}) but others here have Postal 3's (16); one Postal version makes all of them`,
      });
    }
  },
};

function findTokens(context: RuleContext): FoundToken[] {
  const event = context.event;
  const payload = context.payload;
  const found: FoundToken[] = [];
  const add = (holder: unknown, path: () => JsonPath, kind: TokenKind) => {
    const token = isPlainObject(holder) ? holder.token : undefined;
    if (typeof token === 'string' && token !== '') found.push({ path: path(), kind, token, version: versionOf(kind, token) });
  };
  if (context.shape.kind === 'inbound') add(payload, () => ['token'], 'message');
  if (!event || !isPlainObject(payload)) return found;
  for (const message of messageKeys(event)) add(payload[message], () => inPayload(context, message, 'token'), 'message');
  if (event === 'MessageLinkClicked') add(payload, () => inPayload(context, 'token'), 'link');
  return found;
}

function versionOf(kind: TokenKind, token: string): Version | undefined {
  if (token.length === TOKEN_LENGTHS[kind].v3) return 'v3';
  if (token.length === TOKEN_LENGTHS[kind].v2) return 'v2';
  return undefined;
}
