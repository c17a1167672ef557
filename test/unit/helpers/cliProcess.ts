import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures';

/** A running `dist/cli.mjs listen`, with everything it printed so far. */
export interface CliProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process and its pipes are closed. */
  closed: Promise<number | string>;
}

/** Runs `dist/cli.mjs` with `args` to its end: exit code, output, and how long it took. */
export function runCli(args: string[], timeoutMs = 10_000): Promise<{ code: number | string; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/cli.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal ?? 'unknown', stdout, stderr, ms: Date.now() - started });
    }),
  );
}

/** Starts `dist/cli.mjs listen --port 0 …args` and resolves once it listens; rejects with its output if it exits first. */
export function startCli(args: string[]): Promise<CliProcess> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/cli.mjs'), 'listen', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const closed = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /Listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve({ child, url, output: () => output, closed });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void closed.then((code) => reject(new Error(`listen exited with ${code}: ${output}`)));
  });
}
