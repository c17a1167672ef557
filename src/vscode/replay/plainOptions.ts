/**
 * The options object a command was given, or `{}`. Menus pass other things as the first argument
 * (an editor's URI, a tree item), which must not be mistaken for options.
 */
export function plainOptions<T extends object>(value: unknown): Partial<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null ? (value as Partial<T>) : {};
}
