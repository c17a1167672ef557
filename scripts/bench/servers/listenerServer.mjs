// One benchmark server, run in its own process by ../listener.mjs:
//   node servers/listenerServer.mjs <kind>
//   ours      the real listener (bundled like the extension): signature check, body inspection,
//             event-model validation, history file in BENCH_DIR
//   ours-mem  the same with the history in memory only (shows what the disk writes cost)
//   minimal   only the unavoidable work: read the body, one RSA verify with a prepared key,
//             JSON.parse, answer 200
//   bare      read the body, answer 200
// The public key arrives as PEM in BENCH_PUBLIC_KEY, the bundle's path in BENCH_CORE; the port
// goes back over IPC, and so does the CPU time used when the parent sends 'cpu'.
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const kind = process.argv[2];
const publicKeyPem = process.env.BENCH_PUBLIC_KEY ?? '';

process.on('message', (message) => {
  if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
});
// Exit through process.exit so that a --cpu-prof run writes its profile.
process.on('SIGINT', () => process.exit(0));

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
  const core = require(process.env.BENCH_CORE);
  const parsed = core.parsePublicKey(publicKeyPem);
  if (!parsed.ok) throw parsed.error;
  let store = core.createMemoryStore();
  if (persist) {
    const opened = await core.openFileStore(join(process.env.BENCH_DIR ?? '.', 'history.jsonl'));
    if (!opened.ok) throw new Error(opened.message);
    store = opened.store;
  }
  const listener = core.createListener({ port: 0, publicKey: parsed.keySet }, { store, logger: core.silentLogger });
  const started = await listener.start();
  if (!started.ok) throw new Error(started.error.message);
  process.send({ port: started.address.port });
}

if (kind === 'ours' || kind === 'ours-mem') {
  await startOurs(kind === 'ours');
} else if (kind === 'minimal') {
  const key = createPublicKey(publicKeyPem);
  listenPlain((req, res) => {
    readBody(req, (body) => {
      const valid = verify('sha256', body, key, Buffer.from(req.headers['x-postal-signature-256'], 'base64'));
      const envelope = JSON.parse(body.toString('utf8'));
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
