import { createPrivateKey, KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EVENT_CATALOG, EVENT_NAMES, sampleEnvelope } from '../core/events';
import { describeAnswer, describePostalOutcome } from '../core/replay/describeResult';
import { buildPostalRequest } from '../core/replay/postalRequest';
import { sendPostalRequest, type SendResult } from '../core/replay/sendPostalRequest';
import { postalBody } from '../core/replay/serialize';
import { simulateDelivery } from '../core/replay/simulateDelivery';
import { urlForLog } from '../core/replay/targetUrl';
import { safeText } from '../core/safeText';
import { type CliCommand } from './command';
import { type CliIo, EXIT, readErrorText } from './io';
import { parsePublicKey } from '../core/signature';
import { parseSendArgs, SEND_USAGE, type SendArgs } from './sendArgs';
import { loadFileItems, loadEmlItem, type SendItem } from './sendItems';

export const sendCommand: CliCommand = {
  usage: SEND_USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const options = parseSendArgs(args);
    if (options.list) {
      io.out(listText());
      return EXIT.ok;
    }
    const items = await loadItems(options, io);
    const key = items === undefined ? undefined : await loadKey(options, io);
    if (items === undefined || key === false) return EXIT.usage;
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    let allDelivered = true;
    try {
      for (const item of items) {
        if (controller.signal.aborted) break;
        const request = buildPostalRequest({ url: options.to ?? '', body: item.body, privateKey: key, postalVersion: options.postalVersion, contentType: item.contentType });
        const deps = { now: () => performance.now(), signal: controller.signal, timeoutMs: options.timeoutMs, policy: item.policy };
        const report = (result: SendResult): void => io.out(options.json ? jsonLine(item, result) : safeText(`${item.label} → ${urlForLog(result.url)}: ${describeAnswer(result)}. ${describePostalOutcome(result, item.policy)}`));
        const attempts =
          options.retryCompression === undefined
            ? [await sendPostalRequest(request, deps)]
            : await simulateDelivery(request, deps, { timeCompression: options.retryCompression, onAttempt: report });
        if (options.retryCompression === undefined) report(attempts[0]);
        allDelivered &&= attempts.at(-1)?.outcome?.success === true;
      }
    } finally {
      process.removeListener('SIGINT', stop);
    }
    return allDelivered && !controller.signal.aborted ? EXIT.ok : EXIT.problems;
  },
};

async function loadItems(options: SendArgs, io: CliIo): Promise<SendItem[] | undefined> {
  const source = options.source;
  if (source === undefined) return undefined;
  if (source.kind === 'sample') {
    const envelope = sampleEnvelope(source.event, source.variant, { now: Date.now() / 1000 });
    return [{ label: `${source.event} ${envelope.uuid.slice(0, 8)}`, body: postalBody(envelope), json: { event: source.event, uuid: envelope.uuid } }];
  }
  return source.kind === 'eml' ? loadEmlItem(source.path, options, io) : loadFileItems(source.path, options, io);
}

/** The private key, undefined for --unsigned, false after reporting why it cannot be used. */
async function loadKey(options: SendArgs, io: CliIo): Promise<KeyObject | undefined | false> {
  if (options.keyFile === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(resolve(io.cwd ?? process.cwd(), options.keyFile), 'utf8');
  } catch (error) {
    io.err(`postal-webhooks send: cannot read the key file ${options.keyFile}: ${readErrorText(error)}.`);
    return false;
  }
  const key = signingKey(text);
  if (key instanceof KeyObject) return key;
  io.err(`postal-webhooks send: ${options.keyFile} ${key}`);
  return false;
}

/** The RSA private key in `text`, or what it is instead, in words that say which file to give. */
function signingKey(text: string): KeyObject | string {
  const remedy = 'give the private signing key, e.g. signing.key from `postal-webhooks keygen --out DIR`.';
  let key: KeyObject;
  try {
    key = createPrivateKey(text);
  } catch {
    if (parsePublicKey(text).ok) return `is a public key: it verifies signatures, it cannot make them. --key needs the private signing key, e.g. signing.key from \`postal-webhooks keygen --out DIR\` (your app gets its public.pem).`;
    return `is not a private key in PEM ("-----BEGIN RSA PRIVATE KEY-----" or "-----BEGIN PRIVATE KEY-----"): ${remedy}`;
  }
  return key.asymmetricKeyType === 'rsa' ? key : `is a ${key.asymmetricKeyType ?? 'non-RSA'} key, but Postal signs with RSA: ${remedy}`;
}

function jsonLine(item: SendItem, result: SendResult): string {
  const outcome = result.outcome;
  return JSON.stringify({
    ...item.json,
    url: urlForLog(result.url),
    attempt: result.attempt,
    status: result.response?.status,
    timeMs: Math.round(result.timeMs),
    error: result.error,
    postal: outcome === undefined ? undefined : { success: outcome.success, willRetry: outcome.willRetry, nextAttemptInMinutes: outcome.nextAttemptInMinutes, gaveUp: outcome.gaveUp, bounce: outcome.bounce },
  });
}

function listText(): string {
  const lines: string[] = [];
  for (const event of EVENT_NAMES) {
    const info = EVENT_CATALOG[event];
    lines.push(`${event}  ${info.summary}`);
    for (const variant of info.variants) lines.push(`  ${variant.name === 'default' ? event : `${event}:${variant.name}`}  ${variant.label}`);
  }
  return lines.join('\n');
}

