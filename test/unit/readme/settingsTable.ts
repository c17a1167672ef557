import { localized, RAW_MANIFEST, type SettingProperty } from '../helpers/manifest';

export const SETTINGS_START = '<!-- settings:start (generated from package.json by `npm run generate:readme`) -->';
export const SETTINGS_END = '<!-- settings:end -->';

interface ConfigurationBlock {
  title: string;
  properties: Record<string, SettingProperty>;
}

/** A manifest Markdown description as one table cell: `#setting#` links as code, no line breaks, pipes escaped. */
function cell(text: string): string {
  return text
    .replace(/`#([\w.]+)#`|#([\w.]+)#/g, (_, quoted: string | undefined, bare: string | undefined) => `\`${quoted ?? bare}\``)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function defaultOf(property: SettingProperty): string {
  const value = property.default;
  if (value === undefined) return '';
  if (value === '') return '`""`';
  return `\`${JSON.stringify(value)}\``;
}

/** The README's settings section: one table per feature, as the Settings editor groups them. */
export function renderSettingsTables(): string {
  const configuration = (localized(RAW_MANIFEST).contributes as { configuration: ConfigurationBlock[] }).configuration;
  const sections = configuration.map((block) => {
    const rows = Object.entries(block.properties).map(([id, property]) => `| \`${id}\` | ${defaultOf(property)} | ${cell(property.markdownDescription ?? property.description ?? '')} |`);
    return [`**${block.title}**`, '', '| Setting | Default | What it does |', '| --- | --- | --- |', ...rows].join('\n');
  });
  return [SETTINGS_START, sections.join('\n\n'), SETTINGS_END].join('\n');
}

/** `readme` with its settings section replaced by a fresh one. */
export function withSettingsTables(readme: string): string {
  const start = readme.indexOf(SETTINGS_START);
  const end = readme.indexOf(SETTINGS_END);
  if (start === -1 || end === -1) throw new Error(`README.md has no settings section (${SETTINGS_START} … ${SETTINGS_END})`);
  return readme.slice(0, start) + renderSettingsTables() + readme.slice(end + SETTINGS_END.length);
}
