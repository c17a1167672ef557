import { type CliIo } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';

/** A CLI's output kept as text, each line followed by a newline, as a terminal would show it. */
export function captureIo(color = false): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', color, out: (text: string) => { io.stdout += text + '\n'; }, err: (text: string) => { io.stderr += text + '\n'; } };
  return io;
}

/** A CLI's output kept line by line (each `out`/`err` call one entry). */
export function captureIoLines(color = false): CliIo & { stdout: string[]; stderr: string[] } {
  const io = { stdout: [] as string[], stderr: [] as string[], color, out: (text: string) => io.stdout.push(text), err: (text: string) => io.stderr.push(text) };
  return io;
}

/** Runs the CLI in this process with `args`: its exit code and what it printed. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
