import { PACKAGE_VERSION as version } from '../version';
import { type CliCommand, type CliCommandEntry } from './command';
import { type CliIo, EXIT, UsageError } from './io';

/**
 * Commands by name; each feature adds its own. A command's code is imported when it runs (or
 * shows its usage), so starting the CLI parses only what that one command needs.
 */
export const CLI_COMMANDS: Record<string, CliCommandEntry> = {
  lint: { summary: 'lint payload files (*.postal.json, *.postal.jsonl, Postal-shaped .json)', load: async () => (await import('./lint.js')).lintCommand },
  listen: { summary: 'receive Postal webhooks and inbound e-mail: verify, validate and keep each one, optionally forward it to your app', load: async () => (await import('./listen.js')).listenCommand },
  send: { summary: 'send signed test events, payload files or e-mails exactly as Postal would', load: async () => (await import('./send.js')).sendCommand },
  keygen: { summary: 'make a development signing key (private PEM, public PEM, JWKS, DNS TXT value)', load: async () => (await import('./keygen.js')).keygenCommand },
  types: { summary: 'print the payload types of all 10 events for TypeScript, Python, Go, PHP or Ruby', load: async () => (await import('./types.js')).typesCommand },
};

function helpText(): string {
  const names = Object.keys(CLI_COMMANDS);
  const width = Math.max(8, ...names.map((name) => name.length));
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${CLI_COMMANDS[name].summary}`);
  return [
    `postal-webhooks ${version}: receive, verify, lint and replay Postal webhooks`,
    '',
    'Usage: postal-webhooks <command> [options]',
    '',
    'Commands:',
    ...(lines.length > 0 ? lines : ['  (none)']),
    '',
    'Run `postal-webhooks <command> --help` for a command\'s options.',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    // `help lint` is `lint --help`.
    const topic = name === 'help' && rest[0] !== undefined ? commandNamed(rest[0]) : undefined;
    if (name === 'help' && rest[0] !== undefined && topic === undefined) return unknownCommand(rest[0], io);
    io.out(topic ? (await topic.load()).usage : helpText());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(version);
    return EXIT.ok;
  }
  const entry = commandNamed(name);
  if (!entry) return unknownCommand(name, io);
  const command: CliCommand = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      // One line: what is wrong, and where the options are; the whole usage would bury it.
      io.err(`postal-webhooks ${name}: ${error.message} (see postal-webhooks ${name} --help)`);
      return EXIT.usage;
    }
    throw error;
  }
}

function commandNamed(name: string): CliCommandEntry | undefined {
  return Object.hasOwn(CLI_COMMANDS, name) ? CLI_COMMANDS[name] : undefined;
}

function unknownCommand(name: string, io: CliIo): number {
  io.err(`postal-webhooks: unknown command '${name}'. Run 'postal-webhooks --help' to see the commands.`);
  return EXIT.usage;
}
