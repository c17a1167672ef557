import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The other languages' runtimes the tests run snippets and generated types with, all from
 * Debian's packages. `.ci/run` installs them; on a machine without them the tests install them
 * the same way (as root), or fail saying which command to run.
 */
export const DEBIAN_PACKAGES = ['python3-flask', 'python3-cryptography', 'php-cli', 'ruby-sinatra', 'ruby-rack', 'ruby-webrick', 'ruby-mail', 'golang-go'] as const;

export interface Runtimes {
  python: string;
  php: string;
  ruby: string;
  go: string;
  gofmt: string;
  /** Environment for `go` commands: a build cache kept between test runs, nothing fetched. */
  goEnv: NodeJS.ProcessEnv;
}

let found: Runtimes | undefined;

/** The runtimes, installing the missing Debian packages first. Slow only the first time. */
export function languageRuntimes(): Runtimes {
  found ??= locate();
  return found;
}

function missingPackages(): string[] {
  return DEBIAN_PACKAGES.filter((name) => spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout !== 'install ok installed');
}

function installMissing(): void {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const command = `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) throw new Error(`These tests need Debian packages that are missing; install them with:\n  sudo ${command}`);
  const result = spawnSync('bash', ['-c', command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`Installing ${missing.join(', ')} failed:\n${result.stderr}`);
}

function works(command: string, args: string[]): boolean {
  return spawnSync(command, args, { encoding: 'utf8' }).status === 0;
}

function locate(): Runtimes {
  installMissing();
  // Debian's python3-flask is importable by Debian's own interpreter, whatever `python3` is first on PATH.
  const python = ['/usr/bin/python3', 'python3'].find((candidate) => works(candidate, ['-c', 'import flask, cryptography']));
  if (python === undefined) throw new Error('No python3 can import flask and cryptography; install python3-flask and python3-cryptography.');
  for (const [command, args] of [['php', ['-r', 'exit(function_exists("openssl_verify") ? 0 : 1);']], ['ruby', ['-e', 'require "sinatra/base"; require "webrick"; require "mail"']], ['go', ['version']]] as const) {
    if (!works(command, [...args])) throw new Error(`${command} is missing or incomplete (${args.join(' ')} failed)`);
  }
  const cache = join(tmpdir(), 'postal-webhooks-go-cache');
  mkdirSync(cache, { recursive: true });
  const goEnv = { ...process.env, GOCACHE: cache, GOPATH: join(cache, 'gopath'), GOPROXY: 'off', GOTOOLCHAIN: 'local', GOTELEMETRY: 'off' };
  return { python, php: 'php', ruby: 'ruby', go: 'go', gofmt: 'gofmt', goEnv };
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** The Debian packages .ci/run installs, read from its apt list. */
export function ciPackages(repoRoot: string): string[] {
  const text = readFileSync(join(repoRoot, '.ci/run'), 'utf8');
  return (/for p in ([^;]+); do/.exec(text)?.[1] ?? '').split(/\s+/).filter(Boolean);
}
