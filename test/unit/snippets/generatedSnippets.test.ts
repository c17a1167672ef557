import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATE_SNIPPETS_COMMAND, generatedSnippetFiles, generatedTypeFiles } from '../../../src/core/snippets/snippetFiles';

const REPO_ROOT = join(__dirname, '../../../..');
const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');

describe('generated snippet files', () => {
  it('are committed exactly as the generator writes them', () => {
    const files = generatedSnippetFiles(read);
    assert.ok(files.length >= 2);
    for (const file of files) {
      let committed: string | undefined;
      try {
        committed = read(file.path);
      } catch {
        committed = undefined;
      }
      assert.ok(committed === file.content, `${file.path} is out of date with its sources: run \`${GENERATE_SNIPPETS_COMMAND}\` and commit the result`);
    }
  });

  it('include the payload types in every language, committed exactly as generated and shipped in the package', () => {
    const files = generatedTypeFiles();
    assert.deepEqual(files.map((file) => file.path), ['types/postalWebhooks.ts', 'types/postal_webhooks.py', 'types/postal_webhooks.go', 'types/PostalWebhooks.php', 'types/postal_webhooks.rb']);
    for (const file of files) {
      let committed: string | undefined;
      try {
        committed = read(file.path);
      } catch {
        committed = undefined;
      }
      assert.ok(committed === file.content, `${file.path} is out of date with the event model: run \`${GENERATE_SNIPPETS_COMMAND}\` and commit the result`);
    }
    assert.match(read('.vscodeignore'), /^!types\/\*\*$/m, 'the type files ship in the .vsix');
  });

  it('are each contributed in package.json for their languages', () => {
    const manifest = JSON.parse(read('package.json')) as { contributes: { snippets?: { language: string; path: string }[] } };
    const contributed = new Set((manifest.contributes.snippets ?? []).map((entry) => entry.path.replace(/^\.\//, '')));
    for (const file of generatedSnippetFiles(read)) assert.ok(contributed.has(file.path), `${file.path} is not in contributes.snippets`);
  });
});
