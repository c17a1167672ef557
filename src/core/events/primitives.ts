import * as z from 'zod/mini';
import { $constructor, $ZodObjectJIT } from 'zod/v4/core';
import { withMeta } from './schemaReflection';

/**
 * Building blocks shared by the event schemas. Every call returns a fresh schema, so documenting
 * one field never changes another.
 */

/**
 * zod/mini's object, parsed like classic zod's: zod compiles a parser for each object shape
 * ($ZodObjectJIT) instead of walking the fields one by one as zod/mini's objects do, which
 * halves the cost of validating an envelope. Copies (`withMeta`, checks) stay compiled.
 */
const CompiledObject = $constructor<z.ZodMiniObject>('PostalCompiledObject', (inst, def) => {
  $ZodObjectJIT.init(inst, def);
  z.ZodMiniObject.init(inst, def);
});

/** An object schema that lets unknown keys through (the linter, not validation, reports them). */
export function looseObject<T extends z.core.$ZodLooseShape>(shape: T): z.ZodMiniObject<T, z.core.$loose> {
  return new CompiledObject({ type: 'object', shape, catchall: z.unknown() }) as unknown as z.ZodMiniObject<T, z.core.$loose>;
}

/** Postal tokens are random letters and digits; their length depends on the Postal version. */
export const TOKEN_PATTERN = /^[A-Za-z0-9]+$/;
/** Any UUID version: Postal sends v4, but nothing downstream depends on the version bits. */
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** What a malformed value should have looked like, for messages and `patternErrorMessage`. */
export const FORMAT_EXPECTATION = {
  token: 'letters and digits only',
  uuid: 'a UUID such as 8a3f0c6e-2d4b-4f1a-9c7e-5b6d8e0f1a2b',
} as const;

/**
 * A message or link token. Any non-empty run of letters and digits passes: tokens of an unusual
 * length (the docs' 9-character "abcdef123", say) are a lint warning, not a schema error.
 */
export function tokenSchema() {
  const token = z.string().check(z.regex(TOKEN_PATTERN, { error: FORMAT_EXPECTATION.token }));
  return withMeta(token, { patternErrorMessage: `Must be ${FORMAT_EXPECTATION.token}.` });
}

export function uuidSchema() {
  const uuid = z.string().check(z.regex(UUID_PATTERN, { error: FORMAT_EXPECTATION.uuid }));
  return withMeta(uuid, { patternErrorMessage: `Must be ${FORMAT_EXPECTATION.uuid}.` });
}

/** Unix seconds as Ruby's `Time#to_f` prints them; whole-number floats parse to plain numbers. */
export function unixTimeSchema() {
  return z.number();
}

export function countSchema() {
  return z.int().check(z.nonnegative());
}

export function nullableString() {
  return z.nullable(z.string());
}

export type TokenKind = 'message' | 'link';
export type PostalVersion = 'v2' | 'v3';

/** Token lengths Postal generates: 12/8 characters in v2, 16 for both since 3.0 (commit ce30c07). */
export const TOKEN_LENGTHS: Readonly<Record<TokenKind, Readonly<Record<PostalVersion, number>>>> = {
  message: { v2: 12, v3: 16 },
  link: { v2: 8, v3: 16 },
};

/** Which Postal major version made `token`, or undefined when no version makes tokens like it. */
export function tokenVersion(kind: TokenKind, token: string): PostalVersion | undefined {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const lengths = TOKEN_LENGTHS[kind];
  if (token.length === lengths.v3) return 'v3';
  if (token.length === lengths.v2) return 'v2';
  return undefined;
}
