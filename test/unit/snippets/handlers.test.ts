import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey, sign, type SigningKeyPair, toDnsRecord, toPublicPem } from '../../../src/core/signature';
import { expandSnippet } from '../helpers/expandSnippet';
import { appendixA, REPO_ROOT } from '../helpers/fixtures';
import { run } from '../helpers/languageRuntimes';
import { type RunningHandler, startHandler } from './handlerProgram';
import { formReadingCases, inboundRequests, tampered } from './inboundRequests';

interface SnippetFile {
  [name: string]: { prefix: string; body: string[] };
}

const LANGUAGES = ['typescript', 'javascript'] as const;
const KIND_BY_PREFIX: Record<string, string> = { 'postal-handler-express': 'express', 'postal-handler-http': 'http', 'postal-handler-nextjs': 'nextjs' };

function snippets(language: string): SnippetFile {
  return JSON.parse(readFileSync(join(REPO_ROOT, `snippets/handlers-${language}.code-snippets.json`), 'utf8')) as SnippetFile;
}

async function post(url: string, body: Buffer, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
  await response.arrayBuffer();
  return response.status;
}

describe('handler snippets', function () {
  this.timeout(30_000);
  let key: SigningKeyPair;
  let otherKey: SigningKeyPair;
  const { body } = appendixA();
  const envelope = JSON.parse(body.toString('utf8')) as { uuid: string; payload: { message: { to: string } } };

  before(async () => {
    [key, otherKey] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  });

  it('exist for Express, Node http and Next.js in TypeScript and JavaScript', () => {
    for (const language of LANGUAGES) {
      assert.deepEqual(Object.values(snippets(language)).map((snippet) => snippet.prefix).sort(), Object.keys(KIND_BY_PREFIX).sort());
    }
  });

  for (const language of LANGUAGES) {
    for (const [prefix, kind] of Object.entries(KIND_BY_PREFIX)) {
      describe(`${prefix} (${language})`, () => {
        let handler: RunningHandler;
        let env: NodeJS.ProcessEnv;

        before(async () => {
          const snippet = Object.values(snippets(language)).find((entry) => entry.prefix === prefix);
          assert.ok(snippet, `${prefix} missing for ${language}`);
          // The snippet accepts the DNS TXT value Postal prints and a PEM; use one form each.
          const publicKey = language === 'typescript' ? toDnsRecord(key.publicKey) : toPublicPem(key.publicKey);
          env = { ...process.env, POSTAL_PUBLIC_KEY: publicKey, NODE_PATH: join(REPO_ROOT, 'node_modules') };
          handler = await startHandler(expandSnippet(snippet.body, {}), kind, language, { POSTAL_PUBLIC_KEY: publicKey }, join(REPO_ROOT, 'node_modules'));
        });

        after(() => handler.stop());

        it('accepts a request Postal signed and hands the parsed event to the switch', async () => {
          assert.equal(await post(handler.url, body, { ...sign(body, key.privateKey) }), 200, handler.output());
          await handler.printed(new RegExp(`Postal MessageSent ${envelope.uuid}`));
          await handler.printed(new RegExp(`delivered to ${envelope.payload.message.to}`));
        });

        it('accepts a legacy request signed only with SHA-1 (Postal before 3.2.0)', async () => {
          assert.equal(await post(handler.url, body, { ...sign(body, key.privateKey, { legacy: true }) }), 200, handler.output());
        });

        it('rejects a tampered body with 401', async () => {
          const tampered = Buffer.from(body.toString('utf8').replace('alice@', 'mallory@'));
          assert.equal(await post(handler.url, tampered, { ...sign(body, key.privateKey) }), 401);
        });

        it('rejects an unsigned request with 401', async () => {
          assert.equal(await post(handler.url, body, {}), 401);
        });

        it('rejects a request signed with another key with 401', async () => {
          assert.equal(await post(handler.url, body, { ...sign(body, otherKey.privateKey) }), 401);
        });

        it('accepts inbound e-mail Postal signed, Hash and RawMessage, as JSON and as a form, and handles it as inbound e-mail', async () => {
          for (const request of inboundRequests()) {
            assert.equal(await post(handler.url, request.body, { 'Content-Type': request.contentType, ...sign(request.body, key.privateKey) }), 200, `${request.name}:\n${handler.output()}`);
            for (const line of request.printed) await handler.printed(new RegExp(`^${escapeRegExp(line)}$`, 'm'));
          }
        });

        it('rejects tampered and unsigned inbound e-mail with 401, in both encodings', async () => {
          for (const request of inboundRequests()) {
            const headers = { 'Content-Type': request.contentType, ...sign(request.body, key.privateKey) };
            assert.equal(await post(handler.url, tampered(request.body), headers), 401, request.name);
            assert.equal(await post(handler.url, request.body, { 'Content-Type': request.contentType }), 401, request.name);
          }
          assert.doesNotMatch(handler.output(), /Postal inbound[^\n]* (9|8)\d{4} /, 'a rejected request reached the handler');
        });

        it('reads every form Postal writes into what its JSON would be, as the listener does', () => {
          // The snippet as it runs, with its form reader exported for this test.
          writeFileSync(join(handler.dir, 'inspect.js'), `${readFileSync(join(handler.dir, 'snippet.js'), 'utf8')}\nmodule.exports = { readPostalForm };\n`);
          const script = "process.stdout.write(JSON.stringify(require('./inspect.js').readPostalForm(require('node:fs').readFileSync(0, 'utf8'))))";
          for (const form of formReadingCases()) {
            const { stdout } = run(process.execPath, ['-e', script], { cwd: handler.dir, env, input: form.body });
            assert.deepEqual(JSON.parse(stdout), form.expected, form.name);
          }
        });
      });
    }
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
