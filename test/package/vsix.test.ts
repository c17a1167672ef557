import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    for (const required of ['extension/package.json', 'extension/dist/extension.js', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt']) {
      assert.ok(names.includes(required), `${required} missing from the package`);
    }
  });

  it('leaves out sources, tests, dependencies and source maps', () => {
    const unwanted = entries.filter(({ name }) =>
      /^extension\/(src|test|out|scripts|node_modules|\.vscode-test)\//.test(name) || name.endsWith('.map') || name.endsWith('.ts'));
    assert.deepEqual(unwanted.map((entry) => entry.name), []);
  });

  it('ships every JSON Schema the manifest contributes', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { url: string }[] } };
    const names = entries.map((entry) => entry.name);
    assert.ok(manifest.contributes.jsonValidation.length > 0);
    for (const { url } of manifest.contributes.jsonValidation) {
      const name = `extension/${url.replace(/^\.\//, '')}`;
      assert.ok(names.includes(name), `${name} missing from the package`);
    }
  });

  it('ships the manifest the repository has, with the production bundle it points to', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { main: string };
    const main = entries.find((entry) => entry.name === `extension/${manifest.main.replace(/^\.\//, '')}`);
    assert.ok(main, `${manifest.main} missing`);
    assert.ok(main.size > 0);
  });
});
