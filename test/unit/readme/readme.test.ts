import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST, settingsOf } from '../helpers/manifest';
import { withSettingsTables } from './settingsTable';

const REPO = join(__dirname, '../../../..');
const README = readFileSync(join(REPO, 'README.md'), 'utf8');

describe('README.md', () => {
  it('lists the settings exactly as package.json declares them (run `npm run generate:readme` when this fails)', () => {
    assert.equal(README, withSettingsTables(README), 'the settings tables are out of date: run `npm run generate:readme`');
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
