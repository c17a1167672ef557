import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

/** How each handler snippet is mounted into a server, as its usage comment tells a user to. */
const MOUNTS: Record<string, string> = {
  express: `const express = require('express');
const { postalWebhooks } = require('./snippet.js');
const server = express().use(postalWebhooks).listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port));`,
  http: `const { handlePostalRequest } = require('./snippet.js');
const server = require('node:http').createServer(handlePostalRequest).listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port));`,
  // What Next.js does for a route: hand the exported POST a web Request, send back its Response.
  nextjs: `const { POST } = require('./snippet.js');
const server = require('node:http').createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = Object.entries(req.headers).filter(([name]) => name.startsWith('x-postal') || name === 'content-type');
  const response = await POST(new Request('http://127.0.0.1' + req.url, { method: req.method, headers, body: Buffer.concat(chunks) }));
  res.writeHead(response.status).end(Buffer.from(await response.arrayBuffer()));
}).listen(0, '127.0.0.1', () => console.log('LISTENING ' + server.address().port));`,
};

export interface RunningHandler {
  url: string;
  /** The folder of the program: `snippet.js` is the snippet as Node runs it. */
  dir: string;
  /** Everything the program printed so far. */
  output(): string;
  /**
   * Resolves once the program has printed something matching `pattern`; the program's stdout
   * reaches us through a pipe, so it can arrive after the HTTP answer did.
   */
  printed(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): void;
}

/**
 * Writes an expanded snippet into a small program in a temporary folder (TypeScript is
 * transpiled with esbuild first, ES modules turned into CommonJS), mounts it the way the
 * snippet says, starts it with Node and resolves once it listens.
 */
export async function startHandler(code: string, kind: string, language: 'typescript' | 'javascript', env: Record<string, string>, nodePath: string): Promise<RunningHandler> {
  const dir = mkdtempSync(join(tmpdir(), `postal-handler-${kind}-`));
  const javascript = transformSync(code, { loader: language === 'typescript' ? 'ts' : 'js', format: 'cjs', target: 'node20' }).code;
  writeFileSync(join(dir, 'snippet.js'), javascript);
  writeFileSync(join(dir, 'main.js'), MOUNTS[kind]);
  const child: ChildProcess = spawn(process.execPath, ['main.js'], { cwd: dir, env: { ...process.env, ...env, NODE_PATH: nodePath }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ${kind} program did not start:\n${output}`)), 10_000);
    child.stdout?.on('data', () => {
      const match = /LISTENING (\d+)/.exec(output);
      if (match) { clearTimeout(timer); resolve(Number(match[1])); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the ${kind} program exited with ${code}:\n${output}`)); });
  });
  const printed = async (pattern: RegExp, timeoutMs = 5000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(output)) {
      if (Date.now() > deadline) throw new Error(`the ${kind} program never printed ${pattern}; it printed:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { url: `http://127.0.0.1:${port}/webhooks/postal`, dir, output: () => output, printed, stop: () => { child.kill(); } };
}
