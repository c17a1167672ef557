import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_NAMES, type EventName, sampleEnvelope } from '../../../src/core/events';
import { buildPostalRequest, headerValue, type PostalRequest } from '../../../src/core/replay/postalRequest';
import { sendPostalRequest } from '../../../src/core/replay/sendPostalRequest';
import { postalBody } from '../../../src/core/replay/serialize';
import { generateSigningKey, type SigningKeyPair, toDnsRecord, toPublicPem } from '../../../src/core/signature';
import { expandSnippet } from '../helpers/expandSnippet';
import { REPO_ROOT } from '../helpers/fixtures';
import { ciPackages, DEBIAN_PACKAGES, languageRuntimes, run, type Runtimes } from '../helpers/languageRuntimes';
import { freePort, type RunningProgram, startProgram } from './languageProgram';

type Language = 'python' | 'php' | 'ruby' | 'go';

interface HandlerRun {
  prefix: string;
  language: Language;
  /** The file the snippet is saved as, as its header comment suggests. */
  file: string;
  /** The snippet reads the DNS TXT value and a PEM; each run uses one. */
  keyForm: 'dns' | 'pem';
  /** Prepares the folder (a Go build) and says how to start the server on `port`. */
  start(runtimes: Runtimes, dir: string, port: number): { command: string; args: string[]; env?: NodeJS.ProcessEnv };
}

/** The Laravel controller cannot run without Laravel: plain PHP serves its verification function. */
const LARAVEL_VERIFIER = `<?php
require __DIR__ . '/PostalWebhookController.php';
use App\\Http\\Controllers\\PostalWebhookController;
$body = (string) file_get_contents('php://input');
$signed = PostalWebhookController::isSignedByPostal($body, $_SERVER['HTTP_X_POSTAL_SIGNATURE_256'] ?? null, $_SERVER['HTTP_X_POSTAL_SIGNATURE'] ?? null, (string) getenv('POSTAL_PUBLIC_KEY'));
http_response_code($signed ? 200 : 401);
if ($signed) {
    $webhook = json_decode($body, true);
    error_log("Postal {$webhook['event']} {$webhook['uuid']}");
}
`;

const RUNS: HandlerRun[] = [
  { prefix: 'postal-handler-flask', language: 'python', file: 'app.py', keyForm: 'dns', start: (rt, _dir, port) => ({ command: rt.python, args: ['app.py'], env: { PORT: String(port) } }) },
  { prefix: 'postal-handler-http-server', language: 'python', file: 'app.py', keyForm: 'pem', start: (rt, _dir, port) => ({ command: rt.python, args: ['app.py'], env: { PORT: String(port) } }) },
  { prefix: 'postal-handler-php', language: 'php', file: 'postal-webhook.php', keyForm: 'dns', start: (rt, _dir, port) => ({ command: rt.php, args: ['-S', `127.0.0.1:${port}`, 'postal-webhook.php'] }) },
  {
    prefix: 'postal-handler-laravel',
    language: 'php',
    file: 'PostalWebhookController.php',
    keyForm: 'pem',
    start: (rt, dir, port) => {
      writeFileSync(join(dir, 'verify.php'), LARAVEL_VERIFIER);
      return { command: rt.php, args: ['-S', `127.0.0.1:${port}`, 'verify.php'] };
    },
  },
  { prefix: 'postal-handler-sinatra', language: 'ruby', file: 'app.rb', keyForm: 'pem', start: (rt, _dir, port) => ({ command: rt.ruby, args: ['app.rb'], env: { PORT: String(port) } }) },
  { prefix: 'postal-handler-rack', language: 'ruby', file: 'app.rb', keyForm: 'dns', start: (rt, _dir, port) => ({ command: rt.ruby, args: ['app.rb'], env: { PORT: String(port) } }) },
  {
    prefix: 'postal-handler-net-http',
    language: 'go',
    file: 'main.go',
    keyForm: 'dns',
    start: (rt, dir, port) => {
      // One build per test run; the build cache outlives it, so later runs compile little.
      run(rt.go, ['build', '-o', 'handler', 'main.go'], { cwd: dir, env: rt.goEnv });
      return { command: join(dir, 'handler'), args: [], env: { PORT: String(port) } };
    },
  },
];

/** How each language's dispatch names the event it handles. */
const DISPATCH_CASE: Record<Language, RegExp> = {
  python: /webhook\["event"\] == "(\w+)"/g,
  php: /case '(\w+)':/g,
  ruby: /when '(\w+)'/g,
  go: /case \*(\w+)Payload:/g,
};

/** The snippet as a file: PHP's go below the `<?php` a user's file starts with (VS Code offers PHP snippets only there). */
function snippetCode(language: Language, prefix: string): string {
  const file = JSON.parse(readFileSync(join(REPO_ROOT, `snippets/handlers-${language}.code-snippets.json`), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
  const snippet = Object.values(file).find((entry) => entry.prefix === prefix);
  assert.ok(snippet, `${prefix} is missing from snippets/handlers-${language}.code-snippets.json`);
  return `${language === 'php' ? '<?php\n\n' : ''}${expandSnippet(snippet.body, {})}\n`;
}

async function send(request: PostalRequest): Promise<number> {
  const result = await sendPostalRequest(request, { now: Date.now });
  assert.ok(result.response, result.error?.message);
  return result.response.status;
}

describe('handler snippets in Python, PHP, Ruby and Go, run for real', function () {
  this.timeout(120_000);
  let runtimes: Runtimes;
  let key: SigningKeyPair;
  let otherKey: SigningKeyPair;

  before(async function () {
    // Installs the Debian packages on a machine that lacks them: minutes, once.
    this.timeout(600_000);
    runtimes = languageRuntimes();
    [key, otherKey] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  });

  it('need only Debian packages that CI installs', () => {
    const installed = ciPackages(REPO_ROOT);
    assert.deepEqual(DEBIAN_PACKAGES.filter((name) => !installed.includes(name)), []);
  });

  it('dispatch every event of the event model, and no other', () => {
    for (const { prefix, language } of RUNS) {
      const cases = [...snippetCode(language, prefix).matchAll(DISPATCH_CASE[language])].map((match) => match[1]);
      assert.deepEqual([...cases].sort(), [...EVENT_NAMES].sort(), prefix);
    }
  });

  it('pass their language\'s own checks: php -l, ruby -wc, gofmt and go vet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postal-handler-check-'));
    for (const { prefix, language, file } of RUNS.filter((entry) => entry.language !== 'python')) {
      const path = join(dir, `${prefix}-${file}`);
      writeFileSync(path, snippetCode(language, prefix));
      if (language === 'php') run(runtimes.php, ['-l', path]);
      if (language === 'ruby') assert.equal(run(runtimes.ruby, ['-wc', path]).stderr, '', `${prefix}: ruby -w warns`);
      if (language === 'go') {
        assert.equal(run(runtimes.gofmt, ['-l', path]).stdout, '', `${prefix} is not gofmt-formatted`);
        run(runtimes.go, ['vet', path], { env: runtimes.goEnv });
      }
    }
  });

  for (const spec of RUNS) {
    describe(spec.prefix, () => {
      let program: RunningProgram;
      let url: string;

      before(async function () {
        this.timeout(180_000);
        const dir = mkdtempSync(join(tmpdir(), `${spec.prefix}-`));
        writeFileSync(join(dir, spec.file), snippetCode(spec.language, spec.prefix));
        const port = await freePort();
        const { command, args, env } = spec.start(runtimes, dir, port);
        const publicKey = spec.keyForm === 'dns' ? toDnsRecord(key.publicKey) : toPublicPem(key.publicKey);
        program = await startProgram(command, args, { cwd: dir, port, env: { ...process.env, ...env, POSTAL_PUBLIC_KEY: publicKey } });
        url = `http://127.0.0.1:${port}/webhooks/postal`;
      });

      after(() => program?.stop());

      const request = (event: EventName, signingKey: SigningKeyPair | undefined, postalVersion?: string): { request: PostalRequest; uuid: string } => {
        const envelope = sampleEnvelope(event);
        return { request: buildPostalRequest({ url, body: postalBody(envelope), privateKey: signingKey?.privateKey, postalVersion }), uuid: envelope.uuid };
      };

      it('answers 2xx to every event signed as Postal 3.3.6 signs it, and handles each by its name', async () => {
        for (const event of EVENT_NAMES) {
          const { request: signed, uuid } = request(event, key);
          assert.equal(await send(signed), 200, `${event}:\n${program.output()}`);
          await program.printed(new RegExp(`Postal ${event} ${uuid}`));
        }
      });

      it('answers 2xx to a legacy request signed only with SHA-1 (Postal before 3.2.0)', async () => {
        const { request: legacy, uuid } = request('MessageBounced', key, '3.1.0');
        assert.equal(headerValue(legacy, 'X-Postal-Signature-256'), undefined);
        assert.equal(await send(legacy), 200, program.output());
        await program.printed(new RegExp(`Postal MessageBounced ${uuid}`));
      });

      it('answers 401 to a tampered body', async () => {
        const { request: signed } = request('MessageSent', key);
        const tampered = Buffer.from(signed.body.toString('utf8').replace('alice@', 'mallory@'));
        assert.notDeepEqual(tampered, signed.body);
        assert.equal(await send({ ...signed, body: tampered }), 401);
      });

      it('answers 401 to an unsigned request', async () => {
        assert.equal(await send(request('MessageSent', undefined).request), 401);
      });

      it('answers 401 to a request signed with another key', async () => {
        assert.equal(await send(request('MessageSent', otherKey).request), 401);
      });
    });
  }
});
