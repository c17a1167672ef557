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
import { formReadingCases, inboundRequests, tampered } from './inboundRequests';
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
  /**
   * How to run the snippet's own form reader on a body given on stdin, printing the JSON it makes;
   * undefined for the plain PHP script, which answers a request as soon as it is loaded (Laravel's
   * controller runs the same code).
   */
  readForm?(runtimes: Runtimes, dir: string): { command: string; args: string[]; env?: NodeJS.ProcessEnv };
}

/** Python's form reader, imported from the snippet (its server starts only under `__main__`). */
const PYTHON_READ_FORM = (rt: Runtimes): { command: string; args: string[] } => ({
  command: rt.python,
  args: ['-c', 'import json, sys\nimport app\nprint(json.dumps(app.read_postal_form(sys.stdin.buffer.read())))'],
});
/** Ruby's form reader, required from the snippet (neither Sinatra nor Rack serves when it is only required). */
const RUBY_READ_FORM = (rt: Runtimes): { command: string; args: string[] } => ({
  command: rt.ruby,
  args: ['-rjson', '-e', 'require "./app"; print JSON.generate(PostalWebhooks.read_postal_form($stdin.read))'],
});
/** Go's form reader, through the handler's own binary: one more file in its one build, used when this variable is set. */
const GO_READ_FORM_HOOK = `package main

import (
	"fmt"
	"io"
	"os"
)

func init() {
	if os.Getenv("POSTAL_TEST_READ_FORM") == "" {
		return
	}
	body, _ := io.ReadAll(os.Stdin)
	data, err := readPostalForm(string(body))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Stdout.Write(data)
	os.Exit(0)
}
`;
/** PHP's form reader, called on the Laravel controller (it loads without Laravel until it handles a request). */
const PHP_READ_FORM = `<?php
require __DIR__ . '/PostalWebhookController.php';
echo json_encode(App\\Http\\Controllers\\PostalWebhookController::readPostalForm((string) stream_get_contents(STDIN)), JSON_THROW_ON_ERROR);
`;

/**
 * The Laravel controller cannot run without Laravel: plain PHP serves its verification function
 * and its body reader, and prints what they made of each request (Laravel's logger is not here).
 */
const LARAVEL_VERIFIER = `<?php
require __DIR__ . '/PostalWebhookController.php';
use App\\Http\\Controllers\\PostalWebhookController;
$body = (string) file_get_contents('php://input');
$signed = PostalWebhookController::isSignedByPostal($body, $_SERVER['HTTP_X_POSTAL_SIGNATURE_256'] ?? null, $_SERVER['HTTP_X_POSTAL_SIGNATURE'] ?? null, (string) getenv('POSTAL_PUBLIC_KEY'));
[$kind, $value] = $signed ? PostalWebhookController::readPostalBody($body, $_SERVER['CONTENT_TYPE'] ?? '') : [null, null];
http_response_code($signed ? ($kind === null ? 400 : 200) : 401);
if ($kind === 'webhook') {
    error_log("Postal {$value['event']} {$value['uuid']}");
} elseif ($kind === 'inbound') {
    error_log("Postal inbound e-mail {$value['id']} from {$value['from']}: {$value['subject']}");
    foreach ($value['attachments'] ?? [] as $attachment) {
        error_log("Postal inbound e-mail {$value['id']} attachment {$attachment['filename']}: " . strlen(base64_decode($attachment['data'])) . " bytes of {$attachment['content_type']}");
    }
} elseif ($kind === 'raw') {
    error_log("Postal inbound raw e-mail {$value['id']} for {$value['rcpt_to']}: " . strlen(base64_decode($value['message'])) . ' bytes');
}
`;

const RUNS: HandlerRun[] = [
  { prefix: 'postal-handler-flask', language: 'python', file: 'app.py', keyForm: 'dns', start: (rt, _dir, port) => ({ command: rt.python, args: ['app.py'], env: { PORT: String(port) } }), readForm: PYTHON_READ_FORM },
  { prefix: 'postal-handler-http-server', language: 'python', file: 'app.py', keyForm: 'pem', start: (rt, _dir, port) => ({ command: rt.python, args: ['app.py'], env: { PORT: String(port) } }), readForm: PYTHON_READ_FORM },
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
    readForm: (rt, dir) => {
      writeFileSync(join(dir, 'read-form.php'), PHP_READ_FORM);
      return { command: rt.php, args: ['read-form.php'] };
    },
  },
  { prefix: 'postal-handler-sinatra', language: 'ruby', file: 'app.rb', keyForm: 'pem', start: (rt, _dir, port) => ({ command: rt.ruby, args: ['app.rb'], env: { PORT: String(port) } }), readForm: RUBY_READ_FORM },
  { prefix: 'postal-handler-rack', language: 'ruby', file: 'app.rb', keyForm: 'dns', start: (rt, _dir, port) => ({ command: rt.ruby, args: ['app.rb'], env: { PORT: String(port) } }), readForm: RUBY_READ_FORM },
  {
    prefix: 'postal-handler-net-http',
    language: 'go',
    file: 'main.go',
    keyForm: 'dns',
    start: (rt, dir, port) => {
      // One build per test run; the build cache outlives it, so later runs compile little.
      writeFileSync(join(dir, 'read_form_hook.go'), GO_READ_FORM_HOOK);
      run(rt.go, ['build', '-o', 'handler', 'main.go', 'read_form_hook.go'], { cwd: dir, env: rt.goEnv });
      return { command: join(dir, 'handler'), args: [], env: { PORT: String(port) } };
    },
    readForm: (_rt, dir) => ({ command: join(dir, 'handler'), args: [], env: { POSTAL_TEST_READ_FORM: '1' } }),
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
      let dir: string;
      let publicKey: string;

      before(async function () {
        this.timeout(180_000);
        dir = mkdtempSync(join(tmpdir(), `${spec.prefix}-`));
        writeFileSync(join(dir, spec.file), snippetCode(spec.language, spec.prefix));
        const port = await freePort();
        const { command, args, env } = spec.start(runtimes, dir, port);
        publicKey = spec.keyForm === 'dns' ? toDnsRecord(key.publicKey) : toPublicPem(key.publicKey);
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

      const inbound = (body: Buffer, contentType: string, signingKey: SigningKeyPair | undefined): PostalRequest => buildPostalRequest({ url, body, contentType, privateKey: signingKey?.privateKey });

      it('answers 2xx to inbound e-mail Postal signed, Hash and RawMessage, as JSON and as a form, and handles it as inbound e-mail', async () => {
        for (const email of inboundRequests()) {
          assert.equal(await send(inbound(email.body, email.contentType, key)), 200, `${email.name}:\n${program.output()}`);
          for (const line of email.printed) await program.printed(new RegExp(escapeRegExp(line)));
        }
      });

      it('answers 401 to tampered and to unsigned inbound e-mail, in both encodings', async () => {
        for (const email of inboundRequests()) {
          const signed = inbound(email.body, email.contentType, key);
          assert.equal(await send({ ...signed, body: tampered(email.body) }), 401, email.name);
          assert.equal(await send(inbound(email.body, email.contentType, undefined)), 401, email.name);
        }
      });

      if (spec.readForm !== undefined) {
        const readForm = spec.readForm;
        it('reads every form Postal writes into what its JSON would be, as the listener does', () => {
          const { command, args, env } = readForm(runtimes, dir);
          for (const form of formReadingCases()) {
            const { stdout } = run(command, args, { cwd: dir, input: form.body, env: { ...process.env, ...env, POSTAL_PUBLIC_KEY: publicKey } });
            assert.deepEqual(JSON.parse(stdout), form.expected, form.name);
          }
        });
      }
    });
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
