import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSigningKey, toDnsRecord, toJwks, toPrivatePem, toPublicPem } from '../core/signature';
import { type CliCommand } from './command';
import { type CliIo, EXIT, UsageError } from './io';
import { parseOptions } from './parseOptions';

export const KEYGEN_USAGE = `Usage: postal-webhooks keygen --out DIR [--force]

Makes a development signing key like a Postal installation's, so \`postal-webhooks send\` can sign
test events that your app verifies exactly as it verifies Postal's. Writes into DIR:
  signing.key   the private key (PEM, readable by you only); give it to \`send --key\`
  public.pem    the public key as PEM
  jwks.json     the public key as Postal serves it at /.well-known/jwks.json
  dns.txt       the public key as the DNS TXT value \`postal default-dkim-record\` prints
Point your app's Postal public key setting at one of the public forms while testing.

Options:
  --out DIR     Folder to write to (created if missing)
  --force       Replace an existing signing.key
  -h, --help    Show this help

Exit codes: 0 written, 2 bad options or the files could not be written.`;

export const KEY_FILES = { privateKey: 'signing.key', publicPem: 'public.pem', jwks: 'jwks.json', dns: 'dns.txt' } as const;

export const keygenCommand: CliCommand = {
  usage: KEYGEN_USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { out, force } = parseKeygenArgs(args);
    const dir = resolve(out);
    const privatePath = join(dir, KEY_FILES.privateKey);
    if (existsSync(privatePath) && !force) {
      io.err(`postal-webhooks keygen: ${privatePath} already exists; keep it, or pass --force to replace it (anything verifying with its public key will then fail).`);
      return EXIT.usage;
    }
    const key = await generateSigningKey();
    try {
      await mkdir(dir, { recursive: true });
      // mode applies only to a new file; chmod makes a replaced one private too.
      await writeFile(privatePath, toPrivatePem(key.privateKey), { mode: 0o600 });
      await chmod(privatePath, 0o600);
      await writeFile(join(dir, KEY_FILES.publicPem), toPublicPem(key.publicKey));
      await writeFile(join(dir, KEY_FILES.jwks), JSON.stringify(toJwks(key.publicKey), null, 2) + '\n');
      await writeFile(join(dir, KEY_FILES.dns), toDnsRecord(key.publicKey) + '\n');
    } catch (error) {
      io.err(`postal-webhooks keygen: could not write to ${dir}: ${(error as Error).message}`);
      return EXIT.usage;
    }
    io.out(`Wrote ${KEY_FILES.privateKey}, ${KEY_FILES.publicPem}, ${KEY_FILES.jwks} and ${KEY_FILES.dns} to ${dir}`);
    io.out(`KID ${key.kid}`);
    io.out(`Sign test events with: postal-webhooks send MessageSent --to URL --key ${privatePath}`);
    return EXIT.ok;
  },
};

function parseKeygenArgs(args: string[]): { out: string; force: boolean } {
  const { values } = parseOptions({ args, strict: true, allowPositionals: false, options: { out: { type: 'string' }, force: { type: 'boolean' } } });
  if (values.out === undefined || values.out === '') throw new UsageError('--out DIR is required: the folder to write the key files to.');
  return { out: values.out, force: values.force ?? false };
}
