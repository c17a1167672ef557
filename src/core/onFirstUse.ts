/**
 * Wraps a costly value (a set of zod schemas, say) so it is built the first time it is asked
 * for rather than when its module loads: loading the extension then costs only what it uses.
 */
export function onFirstUse<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
