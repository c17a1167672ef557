import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST, settingsOf } from '../helpers/manifest';
import { README_LANGUAGES, withHandlersSection } from './handlersSection';
import { withSettingsTables } from './settingsTable';

const REPO = join(__dirname, '../../../..');
const README = readFileSync(join(REPO, 'README.md'), 'utf8');

describe('README.md', () => {
  it('lists the settings exactly as package.json declares them (run `npm run generate:readme` when this fails)', () => {
    assert.equal(README, withSettingsTables(README), 'the settings tables are out of date: run `npm run generate:readme`');
  });

  it('shows every handler snippet and its essential lines as the templates have them (run `npm run generate:readme` when this fails)', () => {
    assert.equal(README, withHandlersSection(README), 'the handler section is out of date: run `npm run generate:readme`');
  });

  it('lists the handler snippets of every language the snippets are contributed for', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'scripts/snippets/handlers/handlers.json'), 'utf8')) as { languages: Record<string, unknown>; snippets: { prefix: string }[] };
    assert.deepEqual(README_LANGUAGES.flatMap((entry) => entry.languages).sort(), Object.keys(manifest.languages).sort());
    for (const { prefix } of manifest.snippets) assert.ok(README.includes(`| \`${prefix}\` |`), `${prefix} is not in the README's snippet table`);
  });

  it('names every setting', () => {
    for (const id of Object.keys(settingsOf(MANIFEST))) assert.ok(README.includes(`\`${id}\``), id);
  });

  it('shows only pictures that exist, from media/', () => {
    const images = [...README.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
    assert.ok(images.length >= 3, 'the README should show the product');
    for (const image of images) {
      assert.match(image, /^media\/screenshots\/[\w-]+\.png$/);
      assert.ok(existsSync(join(REPO, image)), `${image} is missing`);
    }
  });
});
