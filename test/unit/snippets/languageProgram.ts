import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';

export interface RunningProgram {
  /** Everything the program printed so far, stdout and stderr. */
  output(): string;
  /** Resolves once the program printed something matching `pattern` (its pipes can lag behind HTTP). */
  printed(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): void;
}

/** A port nobody listens on right now, for programs that take their port from the environment. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

/**
 * Starts `command` as a real server and resolves once it accepts connections on `port`; rejects
 * with what it printed when it exits first or takes longer than `startMs`.
 */
export async function startProgram(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; port: number; startMs?: number }): Promise<RunningProgram> {
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited: number | null | undefined;
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.on('exit', (code) => { exited = code; });
  const deadline = Date.now() + (options.startMs ?? 30_000);
  while (!(await accepts(options.port))) {
    if (exited !== undefined) throw new Error(`${command} ${args.join(' ')} exited with ${exited}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`${command} ${args.join(' ')} did not listen on ${options.port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const printed = async (pattern: RegExp, timeoutMs = 5000): Promise<void> => {
    const until = Date.now() + timeoutMs;
    while (!pattern.test(output)) {
      if (Date.now() > until) throw new Error(`${command} never printed ${pattern}; it printed:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { output: () => output, printed, stop: () => { child.kill(); } };
}
