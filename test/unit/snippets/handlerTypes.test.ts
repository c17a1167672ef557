import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { EVENT_NAMES } from '../../../src/core/events';
import { expandSnippet } from '../helpers/expandSnippet';

const REPO_ROOT = join(__dirname, '../../../..');

const snippetFile = JSON.parse(readFileSync(join(REPO_ROOT, 'snippets/handlers-typescript.code-snippets.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;

/**
 * Type-checks one file with strict settings, the way a user's project with @types/node would: a
 * TypeScript file, or a JavaScript one by its JSDoc (`checkJs`; `.mjs` for ES module syntax).
 */
function typeErrors(code: string, name = 'route.ts'): string[] {
  const fileName = join(REPO_ROOT, 'out', 'snippet-check', name);
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16,
    lib: ['lib.es2022.d.ts'], types: ['node'], typeRoots: [join(REPO_ROOT, 'node_modules/@types')], skipLibCheck: true, noUnusedLocals: true,
    allowJs: true, checkJs: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === fileName ? code : readFile(name));
  host.fileExists = ((exists) => (name: string) => name === fileName || exists(name))(host.fileExists.bind(host));
  const program = ts.createProgram([fileName], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('TypeScript handler snippets', function () {
  this.timeout(60_000);

  it('type every event of the event model in their union, and no other', () => {
    for (const snippet of Object.values(snippetFile)) {
      const payloads = /interface PostalPayloads \{([^}]*)\}/.exec(snippet.body.join('\n'))?.[1] ?? '';
      const named = [...payloads.matchAll(/^\s*(\w+): \w+Payload;$/gm)].map((match) => match[1]);
      assert.deepEqual([...named].sort(), [...EVENT_NAMES].sort(), snippet.prefix);
    }
  });

  it('handle every event of the event model in their switch, in TypeScript and JavaScript', () => {
    for (const language of ['typescript', 'javascript']) {
      const file = JSON.parse(readFileSync(join(REPO_ROOT, `snippets/handlers-${language}.code-snippets.json`), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
      for (const snippet of Object.values(file)) {
        const cases = [...snippet.body.join('\n').matchAll(/case '(\w+)':/g)].map((match) => match[1]);
        assert.deepEqual(cases.sort(), [...EVENT_NAMES].sort(), `${snippet.prefix} (${language})`);
      }
    }
  });

  // Express's own types are not installed here; its snippet shares the checked common part.
  for (const prefix of ['postal-handler-http', 'postal-handler-nextjs']) {
    it(`${prefix} type-checks under strict settings, narrowing each event's payload`, () => {
      const snippet = Object.values(snippetFile).find((entry) => entry.prefix === prefix);
      assert.ok(snippet);
      assert.deepEqual(typeErrors(expandSnippet(snippet.body, {})), []);
    });
  }

  const javascript = JSON.parse(readFileSync(join(REPO_ROOT, 'snippets/handlers-javascript.code-snippets.json'), 'utf8')) as typeof snippetFile;
  for (const [prefix, file] of [['postal-handler-http', 'route.js'], ['postal-handler-nextjs', 'route.mjs']]) {
    it(`${prefix} (JavaScript) type-checks by its JSDoc under strict settings, with the event model's types`, () => {
      const snippet = Object.values(javascript).find((entry) => entry.prefix === prefix);
      assert.ok(snippet);
      const code = expandSnippet(snippet.body, {});
      assert.match(code, /@typedef \{object\} PostalInboundMessage/);
      assert.deepEqual(typeErrors(code, file), []);
      // The types are really checked: a payload field the model does not have is an error.
      assert.notDeepEqual(typeErrors(code.replace('webhook.payload.original_message.to', 'webhook.payload.original_message.recipient'), file), []);
    });
  }
});
