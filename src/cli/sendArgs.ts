import { existsSync } from 'node:fs';
import { closestEventName, EVENT_CATALOG, findVariant, isEventName, type EventName } from '../core/events';
import { DEFAULT_POSTAL_VERSION, postalVersionProblem } from '../core/replay/postalRequest';
import { POSTAL_TIMEOUT_MS } from '../core/replay/sendPostalRequest';
import { targetUrlProblem } from '../core/replay/targetUrl';
import { UsageError } from './io';
import { numberOption } from './numberOption';
import { parseOptions } from './parseOptions';

export const SEND_USAGE = `Usage: postal-webhooks send <FILE | EVENT[:VARIANT]> --to URL [options]

Sends webhooks exactly as Postal would: the envelope encoded byte for byte as Postal's Rails
encodes it, Postal's headers, signed with RSA like Postal's signing key. Prints the answer and
what Postal would do with it (count it delivered, retry it, or give up).

What to send:
  FILE              a .json file with one envelope, or a .jsonl file with one per line
  EVENT[:VARIANT]   a fresh sample, e.g. MessageSent or MessageSent:incoming-http (see --list)

Options:
  --to URL                 Where to send it (required unless --list)
  --key FILE               Private signing key (PEM), e.g. signing.key from \`postal-webhooks keygen\`
  --unsigned               Send without the X-Postal-Signature headers
  --postal-version V       Postal version to imitate (default ${DEFAULT_POSTAL_VERSION}); before 3.2.0 only the
                           SHA-1 X-Postal-Signature is sent
  --timeout MS             How long to wait for an answer (default ${POSTAL_TIMEOUT_MS}, as Postal)
  --simulate-retries N     On failure, retry on Postal's schedule (2, 3, 6, 10, 15 minutes)
                           made N times faster (60: 2 minutes become 2 s)
  --json                   One JSON line per event instead of a readable line
  --list                   List the events and sample variants
  -h, --help               Show this help

A key is required unless --unsigned: your app can only verify a signature whose public key it
knows, so an unnamed throwaway key would only produce signatures that fail. Make one with
\`postal-webhooks keygen --out DIR\` and give your app DIR/public.pem, jwks.json or dns.txt.

Exit codes: 0 every event got a 2xx, 1 any other answer or no answer, 2 bad options or input.`;

export type SendSource = { kind: 'file'; path: string } | { kind: 'sample'; event: EventName; variant: string };

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
    },
  });
  const result: SendArgs = {
    unsigned: values.unsigned ?? false,
    postalVersion: values['postal-version'] ?? DEFAULT_POSTAL_VERSION,
    timeoutMs: numberOption('--timeout', values.timeout, POSTAL_TIMEOUT_MS, { min: 100, max: 600_000 }),
    json: values.json ?? false,
    list: values.list ?? false,
  };
  if (result.list) return result;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'say what to send: a payload file or an event name such as MessageSent.' : `send one file or event at a time, not ${positionals.length}.`);
  result.source = parseSource(positionals[0]);
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
