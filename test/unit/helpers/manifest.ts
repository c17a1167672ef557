import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '../../../..');

/** package.json as written: user-facing strings are `%key%` references into package.nls.json. */
export const RAW_MANIFEST = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
export const NLS = JSON.parse(readFileSync(join(REPO, 'package.nls.json'), 'utf8')) as Record<string, string>;

const REFERENCE = /^%([^%]+)%$/;

/** Replaces every `%key%` string with its package.nls.json text, as VS Code does when it loads the manifest. */
export function localized<T>(value: T): T {
  if (typeof value === 'string') {
    const match = REFERENCE.exec(value);
    if (match === null) return value;
    if (!Object.hasOwn(NLS, match[1])) throw new Error(`package.nls.json has no "${match[1]}"`);
    return NLS[match[1]] as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => localized(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, localized(item)])) as T;
  }
  return value;
}

/** The manifest as users see it. */
export const MANIFEST = localized(RAW_MANIFEST);

export interface SettingProperty {
  type?: string | string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  enumDescriptions?: string[];
  markdownDescription?: string;
  description?: string;
  properties?: Record<string, SettingProperty>;
  [key: string]: unknown;
}

/** Every setting, from however many `contributes.configuration` blocks there are. */
export function settingsOf(manifest: Record<string, unknown>): Record<string, SettingProperty> {
  const configuration = (manifest.contributes as { configuration: unknown }).configuration;
  const blocks = (Array.isArray(configuration) ? configuration : [configuration]) as { properties: Record<string, SettingProperty> }[];
  return Object.assign({}, ...blocks.map((block) => block.properties)) as Record<string, SettingProperty>;
}
