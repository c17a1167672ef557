import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEBVIEW_FILES, WEBVIEW_MEDIA_FOLDER } from '../../src/core/webview/assets';
import { zipEntries, type ZipEntry } from './zipEntries';

const repo = join(__dirname, '../../..');

describe('the packaged .vsix', function () {
  this.timeout(180_000);
  const vsix = join(mkdtempSync(join(tmpdir(), 'pw-vsix-')), 'postal-webhooks.vsix');
  let entries: ZipEntry[];
  let packagingOutput = '';

  before(() => {
    const result = spawnSync(process.execPath, [join(repo, 'scripts/package.mjs'), '--out', vsix], { cwd: repo, encoding: 'utf8' });
    packagingOutput = result.stdout + result.stderr;
    assert.equal(result.status, 0, packagingOutput);
    entries = zipEntries(vsix);
    console.log(`      ${vsix}: ${(statSync(vsix).size / 1024).toFixed(1)} KiB, ${entries.length} files`);
  });

  it('packages without a warning from vsce (metadata, links and images in order)', () => {
    assert.doesNotMatch(packagingOutput, /WARNING|warning:/i, packagingOutput);
  });

  it('carries the bundled extension, manifest, readme, changelog and licence', () => {
    const names = entries.map((entry) => entry.name);
    for (const required of ['extension/package.json', 'extension/dist/extension.mjs', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt']) {
      assert.ok(names.includes(required), `${required} missing from the package`);
    }
  });

  it('leaves out sources, tests, dependencies and source maps', () => {
    const unwanted = entries.filter(({ name }) =>
      /^extension\/(src|test|out|scripts|node_modules|\.vscode-test)\//.test(name) || name.endsWith('.map') || (name.endsWith('.ts') && !name.startsWith('extension/types/')));
    assert.deepEqual(unwanted.map((entry) => entry.name), []);
  });

  it('ships the payload types that Copy Postal Types copies, one file per language', () => {
    const shipped = entries.filter((entry) => entry.name.startsWith('extension/types/')).map((entry) => entry.name).sort();
    assert.deepEqual(shipped, ['extension/types/PostalWebhooks.php', 'extension/types/postalWebhooks.ts', 'extension/types/postal_webhooks.go', 'extension/types/postal_webhooks.py', 'extension/types/postal_webhooks.rb']);
  });

  it('ships every file the manifest points to: icons, schemas, grammars, snippets, walkthrough pages', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
    const names = new Set(entries.map((entry) => entry.name));
    const referenced = filesReferencedBy(manifest);
    assert.ok(referenced.length >= 10, `only ${referenced.join(', ')}`);
    const missing = referenced.map((path) => `extension/${path.replace(/^\.\//, '')}`).filter((name) => !names.has(name));
    assert.deepEqual(missing, []);
  });

  it('ships the stylesheet and script of the webview pages, outside the bundle', () => {
    const names = new Set(entries.map((entry) => entry.name));
    for (const file of Object.values(WEBVIEW_FILES)) assert.ok(names.has(`extension/${WEBVIEW_MEDIA_FOLDER.join('/')}/${file}`), `${file} missing from the package`);
  });

  it('leaves the README pictures out (the marketplace loads them from the repository)', () => {
    assert.deepEqual(entries.filter((entry) => entry.name.includes('screenshots/')).map((entry) => entry.name), []);
  });

  it('ships the manifest the repository has, with the production bundle it points to', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { main: string };
    const main = entries.find((entry) => entry.name === `extension/${manifest.main.replace(/^\.\//, '')}`);
    assert.ok(main, `${manifest.main} missing`);
    assert.ok(main.size > 0);
  });
});

/** Relative paths to files in manifest values named `icon`, `path`, `url` or `markdown`. */
function filesReferencedBy(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return ['icon', 'path', 'url', 'markdown'].includes(key) && /^(\.\/)?[\w-]+\/[\w./-]+\.\w+$/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => filesReferencedBy(item, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => filesReferencedBy(item, name));
  return [];
}
