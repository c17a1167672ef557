// One benchmark server, run in its own process by listener.mjs: `node listenerServer.mjs <kind>`.
//   ours     the real listener: signature check, body inspection, validation, file-backed history
//   ours-mem the same with the history in memory only (shows what the disk writes cost)
//   minimal  only the unavoidable work: read the body, one RSA verify, JSON.parse, answer 200
//   bare     read the body, answer 200
// The public key arrives as PEM in BENCH_PUBLIC_KEY; the port goes back over IPC.
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// Exit through process.exit so that a --cpu-prof run writes its profile.
process.on('SIGINT', () => process.exit(0));
const out = join(import.meta.dirname, '../../../out/src/core');
const kind = process.argv[2];
const publicKeyPem = process.env.BENCH_PUBLIC_KEY ?? '';

function listenPlain(handler) {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
}

function readBody(req, done) {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => done(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
}

async function startOurs(persist) {
  const { createListener } = require(join(out, 'listener'));
  const { createMemoryStore, openFileStore } = require(join(out, 'store'));
  const { parsePublicKey } = require(join(out, 'signature'));
  const { silentLogger } = require(join(out, 'logger'));
  let validate;
  try {
    const events = require(join(out, 'events'));
    validate = (value) => {
      const result = events.validateEnvelope(value);
      return result.ok ? { valid: true, issues: [] } : { valid: false, issues: result.issues };
    };
  } catch {
    validate = undefined;
  }
  const parsed = parsePublicKey(publicKeyPem);
  if (!parsed.ok) throw parsed.error;
  let store = createMemoryStore({ maxRecords: Number(process.env.BENCH_MAX_RECORDS ?? 1000) });
  if (persist) {
    const opened = await openFileStore(join(process.env.BENCH_DIR ?? '.', 'history.jsonl'));
    if (!opened.ok) throw new Error(opened.message);
    store = opened.store;
  }
  const listener = createListener({ port: 0, publicKey: parsed.keySet }, { store, logger: silentLogger, validate });
  const started = await listener.start();
  if (!started.ok) throw new Error(started.error.message);
  process.send({ port: started.address.port, validates: validate !== undefined });
}

if (kind === 'ours' || kind === 'ours-mem') {
  await startOurs(kind === 'ours');
} else if (kind === 'minimal') {
  const key = createPublicKey(publicKeyPem);
  listenPlain((req, res) => {
    readBody(req, (body) => {
      const signature = Buffer.from(req.headers['x-postal-signature-256'], 'base64');
      const valid = verify('sha256', body, key, signature);
      const envelope = JSON.parse(body.toString('utf8'));
      if (process.env.BENCH_BIG === '1') {
        const text = '{"received":true,"id":"0mwzm64hm-0000-28e4a8","signature":"valid","schema":"unchecked"}';
        res.writeHead(valid && envelope.event !== undefined ? 200 : 400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
        return;
      }
      res.writeHead(valid && envelope.event !== undefined ? 200 : 400, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
} else if (kind === 'bare') {
  listenPlain((req, res) => {
    readBody(req, () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
} else {
  throw new Error(`unknown server kind ${kind}`);
}
