import { createPrivateKey, KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EVENT_CATALOG, EVENT_NAMES, sampleEnvelope } from '../core/events';
import { describeAnswer, describePostalOutcome } from '../core/replay/describeResult';
import { describeProblems, type Payload, readPayloadFile } from '../core/replay/payloadFile';
import { buildPostalRequest } from '../core/replay/postalRequest';
import { sendPostalRequest, type SendResult } from '../core/replay/sendPostalRequest';
import { postalBody } from '../core/replay/serialize';
import { simulateDelivery } from '../core/replay/simulateDelivery';
import { urlForLog } from '../core/replay/targetUrl';
import { type CliCommand } from './command';
import { type CliIo, EXIT, readErrorText } from './io';
import { parsePublicKey } from '../core/signature';
import { parseSendArgs, SEND_USAGE, type SendArgs } from './sendArgs';

export const sendCommand: CliCommand = {
  summary: 'Send signed test events (samples or payload files) exactly as Postal would',
  usage: SEND_USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const options = parseSendArgs(args);
    if (options.list) {
      io.out(listText());
      return EXIT.ok;
    }
    const payloads = await loadPayloads(options, io);
    const key = payloads === undefined ? undefined : await loadKey(options, io);
    if (payloads === undefined || key === false) return EXIT.usage;
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    let allDelivered = true;
    try {
      for (const payload of payloads) {
        if (controller.signal.aborted) break;
        const request = buildPostalRequest({ url: options.to ?? '', body: payload.body, privateKey: key, postalVersion: options.postalVersion });
        const deps = { now: () => performance.now(), signal: controller.signal, timeoutMs: options.timeoutMs };
        const report = (result: SendResult): void => io.out(options.json ? jsonLine(payload, result) : `${payload.label} → ${urlForLog(result.url)}: ${describeAnswer(result)}. ${describePostalOutcome(result)}`);
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

async function loadPayloads(options: SendArgs, io: CliIo): Promise<Payload[] | undefined> {
  const source = options.source;
  if (source === undefined) return undefined;
  if (source.kind === 'sample') {
    const envelope = sampleEnvelope(source.event, source.variant, { now: Date.now() / 1000 });
    return [{ label: `${source.event} ${envelope.uuid.slice(0, 8)}`, body: postalBody(envelope), event: source.event, uuid: envelope.uuid }];
  }
  let text: string;
  try {
    text = await readFile(resolve(io.cwd ?? process.cwd(), source.path), 'utf8');
  } catch (error) {
    io.err(`postal-webhooks send: cannot read ${source.path}: ${readErrorText(error)}.`);
    return undefined;
  }
  const file = readPayloadFile(text, source.path);
  if (file.problems.length > 0) {
    io.err(`postal-webhooks send: ${source.path} is not valid JSON, nothing was sent. ${describeProblems(file.problems)}`);
    return undefined;
  }
  if (file.payloads.length === 0) {
    io.err(`postal-webhooks send: ${source.path} has no envelope to send.`);
    return undefined;
  }
  return file.payloads;
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

function jsonLine(payload: Payload, result: SendResult): string {
  return JSON.stringify({
    event: payload.event,
    uuid: payload.uuid,
    url: urlForLog(result.url),
    attempt: result.attempt,
    status: result.response?.status,
    timeMs: Math.round(result.timeMs),
    error: result.error,
    postal: result.outcome === undefined ? undefined : { success: result.outcome.success, willRetry: result.outcome.willRetry, nextAttemptInMinutes: result.outcome.nextAttemptInMinutes, gaveUp: result.outcome.gaveUp },
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
