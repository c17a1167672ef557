import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HandlerManifest, readmeExcerpt } from '../../../src/core/snippets/handlerSnippets';
import { HANDLER_TEMPLATES_DIR } from '../../../src/core/snippets/snippetFiles';

export const HANDLERS_START = '<!-- handlers:start (generated from scripts/snippets/handlers by `npm run generate:readme`) -->';
export const HANDLERS_END = '<!-- handlers:end -->';
export const INBOUND_HANDLERS_START = '<!-- inbound-handlers:start (generated from scripts/snippets/handlers by `npm run generate:readme`) -->';
export const INBOUND_HANDLERS_END = '<!-- inbound-handlers:end -->';

/** How the README shows each editor language's snippets; languages sharing snippets show once. */
export const README_LANGUAGES: { title: string; languages: string[]; fence: string }[] = [
  { title: 'JavaScript and TypeScript', languages: ['javascript', 'typescript'], fence: 'js' },
  { title: 'Python', languages: ['python'], fence: 'python' },
  { title: 'PHP', languages: ['php'], fence: 'php' },
  { title: 'Ruby', languages: ['ruby'], fence: 'ruby' },
  { title: 'Go', languages: ['go'], fence: 'go' },
];

function templates(): { manifest: HandlerManifest; read: (name: string) => string } {
  const read = (name: string): string => readFileSync(join(__dirname, '../../../..', HANDLER_TEMPLATES_DIR, name), 'utf8');
  return { manifest: JSON.parse(read('handlers.json')) as HandlerManifest, read };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** One language's essential lines: each framework's way to the raw body, then the shared check. */
function languageBlock(title: string, language: string, fence: string, { manifest, read }: ReturnType<typeof templates>): string {
  const { extension, common } = manifest.languages[language];
  const comment = fence === 'python' || fence === 'ruby' ? '#' : '//';
  const snippets = manifest.snippets.filter((snippet) => snippet.languages.includes(language));
  const framework = (name: string): string => /\(([^)]+)\)$/.exec(name)?.[1] ?? name;
  const parts = snippets.map((snippet) => `${comment} ${framework(snippet.name)} (${snippet.prefix})\n${readmeExcerpt(read(`${snippet.template}.${extension}.tmpl`))}`);
  const code = [...parts, readmeExcerpt(read(common))].join('\n\n');
  const frameworks = snippets.map((snippet) => framework(snippet.name)).join(', ');
  // Collapsed, so the table stays the overview and each reader opens their own language.
  return `<details><summary><b>${title}</b>: ${frameworks}</summary>\n\n\`\`\`${fence}\n${code}\n\`\`\`\n\n</details>`;
}

/** The README's handler section: every snippet in a table, then each language's essential lines. */
export function renderHandlersSection(): string {
  const loaded = templates();
  const rows = README_LANGUAGES.flatMap(({ title, languages }) =>
    loaded.manifest.snippets.filter((snippet) => snippet.languages.includes(languages[0])).map((snippet) => `| ${title} | \`${snippet.prefix}\` | ${cell(snippet.description)} | ${cell(snippet.run)} |`),
  );
  const table = ['| Language | Prefix | What it inserts | Run or mount it |', '| --- | --- | --- | --- |', ...rows].join('\n');
  const blocks = README_LANGUAGES.map(({ title, languages, fence }) => languageBlock(title, languages[0], fence, loaded));
  return [HANDLERS_START, table, '', ...blocks.flatMap((block) => [block, '']), HANDLERS_END].join('\n');
}

/**
 * The README's inbound e-mail part of the handlers: each language's way of telling inbound e-mail
 * from webhooks and of reading Postal's form encoding, as the snippets have it.
 */
export function renderInboundHandlersSection(): string {
  const { manifest, read } = templates();
  const blocks = README_LANGUAGES.map(({ title, languages, fence }) => {
    const code = readmeExcerpt(read(manifest.languages[languages[0]].common), 'inbound');
    if (code === '') throw new Error(`${manifest.languages[languages[0]].common} has no {{readme:inbound}} region`);
    return `<details><summary><b>${title}</b></summary>\n\n\`\`\`${fence}\n${code}\n\`\`\`\n\n</details>`;
  });
  return [INBOUND_HANDLERS_START, ...blocks.flatMap((block) => [block, '']), INBOUND_HANDLERS_END].join('\n');
}

function replaceSection(readme: string, startMarker: string, endMarker: string, content: string): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start === -1 || end === -1) throw new Error(`README.md has no section ${startMarker} … ${endMarker}`);
  return readme.slice(0, start) + content + readme.slice(end + endMarker.length);
}

/** `readme` with its handler sections (signatures, inbound e-mail) replaced by fresh ones. */
export function withHandlersSection(readme: string): string {
  const withHandlers = replaceSection(readme, HANDLERS_START, HANDLERS_END, renderHandlersSection());
  return replaceSection(withHandlers, INBOUND_HANDLERS_START, INBOUND_HANDLERS_END, renderInboundHandlersSection());
}
