import { existsSync } from 'node:fs';
import { closestEventName, EVENT_CATALOG, findVariant, isEventName, type EventName } from '../core/events';
import { type EmlOptions } from '../core/inbound/composeFromEml';
import { INBOUND_ENCODINGS, INBOUND_FORMATS } from '../core/inbound/inboundFormat';
import { DEFAULT_POSTAL_VERSION, postalVersionProblem } from '../core/replay/postalRequest';
import { POSTAL_TIMEOUT_MS } from '../core/replay/sendPostalRequest';
import { targetUrlProblem } from '../core/replay/targetUrl';
import { UsageError } from './io';
import { numberOption } from './numberOption';
import { parseOptions } from './parseOptions';

export const SEND_USAGE = `Usage: postal-webhooks send <FILE | EVENT[:VARIANT]> --to URL [options]
       postal-webhooks send --eml FILE --to URL [--format hash|raw] [--encoding json|form] [options]

Sends webhooks, and the inbound e-mail Postal posts to HTTP endpoints, exactly as Postal would:
the body encoded byte for byte as Postal encodes it, Postal's headers, signed with RSA like
Postal's signing key. Prints the answer and what Postal would do with it (count it delivered,
retry it, or give up, and for inbound e-mail whether it bounces the mail to its sender).

What to send:
  FILE              a .json file with one envelope, or a .jsonl file with one per line; or a
                    .json file with an HTTP endpoint payload (Hash or RawMessage)
  EVENT[:VARIANT]   a fresh sample, e.g. MessageSent or MessageSent:incoming-http (see --list)
  --eml FILE        an e-mail (.eml): the request Postal would make for it when it arrives

Inbound e-mail (an endpoint payload FILE or --eml):
  --encoding E             json (BodyAsJSON, the default) or form (FormData, urlencoded)
  --format F               With --eml: hash (the parsed message, the default) or raw (RawMessage)
  --id N                   The message id in Postal (default 1)
  --token T                The message token (default: 16 random letters and digits)
  --timestamp S            When Postal received it, Unix seconds (default: now)
  --rcpt-to ADDRESS        The envelope recipient (default: the first To address)
  --mail-from ADDRESS      The envelope sender (default: the From address)
  --size N                 The size Postal recorded (default: the bytes it received)
  --strip-replies          As an endpoint with "strip replies" on (Hash only)
  --no-attachments         As an endpoint with "Don't include attachment data" (Hash only)
  --as-stored              The file is the message as Postal stored it (its Received and
                           X-Postal-Spam* headers present): nothing is added to it

Options:
  --to URL                 Where to send it (required unless --list)
  --key FILE               Private signing key (PEM), e.g. signing.key from \`postal-webhooks keygen\`
  --unsigned               Send without the X-Postal-Signature headers
  --postal-version V       Postal version to imitate (default ${DEFAULT_POSTAL_VERSION}); before 3.2.0 only the
                           SHA-1 X-Postal-Signature is sent
  --timeout MS             How long to wait for an answer (default ${POSTAL_TIMEOUT_MS}, as Postal)
  --simulate-retries N     On failure, retry on Postal's schedule made N times faster (60: 2
                           minutes become 2 s): for webhooks after 2, 3, 6, 10, 15 minutes; for
                           inbound e-mail after 5 minutes × 1.3ⁿ, 18 attempts (about 31 hours)
  --json                   One JSON line per event instead of a readable line
  --list                   List the events and sample variants
  -h, --help               Show this help

A key is required unless --unsigned: your app can only verify a signature whose public key it
knows, so an unnamed throwaway key would only produce signatures that fail. Make one with
\`postal-webhooks keygen --out DIR\` and give your app DIR/public.pem, jwks.json or dns.txt.

Exit codes: 0 every request got a 2xx, 1 any other answer or no answer, 2 bad options or input.`;

export type SendSource = { kind: 'file'; path: string } | { kind: 'sample'; event: EventName; variant: string } | { kind: 'eml'; path: string };

/** How an inbound e-mail is composed and encoded (`--eml`, or an endpoint payload file). */
export type InboundArgs = Pick<EmlOptions, 'id' | 'token' | 'timestamp' | 'rcptTo' | 'mailFrom' | 'size'> & Required<Pick<EmlOptions, 'encoding' | 'format' | 'stripReplies' | 'includeAttachments' | 'asStored'>>;

export interface SendArgs {
  source?: SendSource;
  to?: string;
  keyFile?: string;
  unsigned: boolean;
  postalVersion: string;
  timeoutMs: number;
  retryCompression?: number;
  json: boolean;
  list: boolean;
  inbound: InboundArgs;
}

/** Reads the `send` arguments; throws UsageError with what is wrong and how to fix it. */
export function parseSendArgs(args: string[]): SendArgs {
  const { values, positionals } = parseOptions({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      key: { type: 'string' },
      unsigned: { type: 'boolean' },
      'postal-version': { type: 'string' },
      timeout: { type: 'string' },
      'simulate-retries': { type: 'string' },
      json: { type: 'boolean' },
      list: { type: 'boolean' },
      eml: { type: 'string' },
      encoding: { type: 'string' },
      format: { type: 'string' },
      id: { type: 'string' },
      token: { type: 'string' },
      timestamp: { type: 'string' },
      'rcpt-to': { type: 'string' },
      'mail-from': { type: 'string' },
      size: { type: 'string' },
      'strip-replies': { type: 'boolean' },
      'no-attachments': { type: 'boolean' },
      'as-stored': { type: 'boolean' },
    },
  });
  const result: SendArgs = {
    unsigned: values.unsigned ?? false,
    postalVersion: values['postal-version'] ?? DEFAULT_POSTAL_VERSION,
    timeoutMs: numberOption('--timeout', values.timeout, POSTAL_TIMEOUT_MS, { min: 100, max: 600_000 }),
    json: values.json ?? false,
    list: values.list ?? false,
    inbound: parseInboundArgs(values),
  };
  if (result.list) return result;
  if (values.eml !== undefined) {
    if (positionals.length > 0) throw new UsageError('give --eml FILE or a file or event to send, not both.');
    result.source = { kind: 'eml', path: values.eml };
  } else {
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'say what to send: a payload file, an event name such as MessageSent, or --eml FILE.' : `send one file or event at a time, not ${positionals.length}.`);
    result.source = parseSource(positionals[0]);
    const emlOnly = EML_ONLY.filter((name) => values[name] !== undefined);
    if (emlOnly.length > 0) throw new UsageError(`--${emlOnly[0]} describes the e-mail to compose, so it goes with --eml FILE; a payload file says it itself.`);
  }
  if (values.to === undefined) throw new UsageError('--to URL is required: where your app (or a listener) receives webhooks.');
  const urlProblem = targetUrlProblem(values.to);
  if (urlProblem !== undefined) throw new UsageError(`--to: ${urlProblem}`);
  result.to = values.to;
  const versionProblem = postalVersionProblem(result.postalVersion);
  if (versionProblem !== undefined) throw new UsageError(`--postal-version: ${versionProblem}`);
  if (values.key !== undefined && result.unsigned) throw new UsageError('give --key or --unsigned, not both.');
  if (values.key === undefined && !result.unsigned) {
    throw new UsageError('a signing key is needed: pass --key FILE (make one with `postal-webhooks keygen --out DIR`), or --unsigned to send without signatures.');
  }
  if (values.key !== undefined) result.keyFile = values.key;
  if (values['simulate-retries'] !== undefined) result.retryCompression = numberOption('--simulate-retries', values['simulate-retries'], 60, { min: 1, max: 1_000_000 });
  return result;
}

type Values = Record<string, string | boolean | undefined>;

/** Options that only composing from an e-mail file uses. */
const EML_ONLY = ['format', 'id', 'token', 'timestamp', 'rcpt-to', 'mail-from', 'size', 'strip-replies', 'no-attachments', 'as-stored'] as const;

function parseInboundArgs(values: Values): InboundArgs {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const choice = <T extends string>(name: string, choices: readonly T[], fallback: T): T => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name} must be ${choices.join(' or ')}, not '${value}'.`);
    return value as T;
  };
  const args: InboundArgs = {
    encoding: choice('encoding', INBOUND_ENCODINGS, 'json'),
    format: choice('format', INBOUND_FORMATS, 'hash'),
    stripReplies: values['strip-replies'] === true,
    includeAttachments: values['no-attachments'] !== true,
    asStored: values['as-stored'] === true,
  };
  if (text('id') !== undefined) args.id = numberOption('--id', text('id'), 1, { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true });
  if (text('size') !== undefined) args.size = numberOption('--size', text('size'), 0, { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
  if (text('timestamp') !== undefined) args.timestamp = numberOption('--timestamp', text('timestamp'), 0, { min: 0, max: 1e11 });
  const token = text('token');
  if (token !== undefined && !/^[A-Za-z0-9]+$/.test(token)) throw new UsageError(`--token must be letters and digits, as Postal's tokens are, not '${token}'.`);
  if (token !== undefined) args.token = token;
  if (text('rcpt-to') !== undefined) args.rcptTo = text('rcpt-to');
  if (text('mail-from') !== undefined) args.mailFrom = text('mail-from');
  if (args.format === 'raw' && (args.stripReplies || !args.includeAttachments)) throw new UsageError('--strip-replies and --no-attachments change the Hash format only; a RawMessage is always the whole message.');
  return args;
}

function parseSource(text: string): SendSource {
  if (existsSync(text) || /\.(json|jsonl|ndjson)$/i.test(text)) return { kind: 'file', path: text };
  const [name, variant = 'default'] = text.split(':');
  if (!isEventName(name)) {
    const guess = closestEventName(name);
    throw new UsageError(`'${text}' is neither a file nor a Postal event.${guess === undefined ? '' : ` Did you mean ${guess}?`} Run with --list to see the events.`);
  }
  if (findVariant(name, variant) === undefined) {
    throw new UsageError(`${name} has no sample '${variant}'; it has ${EVENT_CATALOG[name].variants.map((entry) => entry.name).join(', ')}.`);
  }
  return { kind: 'sample', event: name, variant };
}
